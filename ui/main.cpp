// Platform glue: a GLFW window with an OpenGL 3 (native) or WebGL2 (browser) context, Dear ImGui on it,
// and the frame loop. Native: plasticity [lab=ID] [key=value ...] [--start] [--frames N] [--screenshot
// FILE.png]
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#endif
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include "ui/app.h"
#include "ui/export.h"
#include "ui/theme.h"
#include "ui/web_api.h"

namespace {

struct Platform {
    GLFWwindow* window = nullptr;
    pl::ui::App app;
    int frames_left = -1;    // --frames: exit after this many frames (native)
    std::string screenshot;  // --screenshot: save the last frame
    float scale = 1;
};

#ifdef __EMSCRIPTEN__
// Emscripten 3.1.6's GLFW passes the browser's wheel delta as it is (pixels, down = positive); GLFW and
// ImGui expect notches with up = positive. One notch is ~100 px (deltaMode pixels) or 3 lines.
void browser_scroll(GLFWwindow* window, double dx, double dy) {
    auto notches = [](double d) { return -d / (std::abs(d) >= 10 ? 100.0 : 3.0); };
    ImGui_ImplGlfw_ScrollCallback(window, notches(dx), notches(dy));
}

// The canvas fills the page; its pixel size follows the CSS size times devicePixelRatio.
void fit_canvas_to_page(Platform& p) {
    double css_w = EM_ASM_DOUBLE({ return window.innerWidth; });
    double css_h = EM_ASM_DOUBLE({ return window.innerHeight; });
    int w = int(css_w * p.scale), h = int(css_h * p.scale);
    int cur_w = 0, cur_h = 0;
    glfwGetWindowSize(p.window, &cur_w, &cur_h);
    if (w == cur_w && h == cur_h) return;
    // Not glfwSetWindowSize: Emscripten 3.1.6's GLFW turns a size equal to the screen's into a full-screen
    // request (without a user gesture: refused) and never records the size, so it would retry every frame.
    // Browser.setCanvasSize resizes the canvas and tells GLFW through its resize listener.
    EM_ASM(
        {
            Browser.setCanvasSize($0, $1);
            var c = Module.canvas;
            c.style.width = $2 + 'px';
            c.style.height = $3 + 'px';
        },
        w, h, css_w, css_h);
}
#endif

void frame(void* arg) {
    Platform& p = *static_cast<Platform*>(arg);
#ifdef __EMSCRIPTEN__
    fit_canvas_to_page(p);
#endif
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    p.app.frame();
    ImGui::Render();

    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(p.window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.08f, 0.09f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    std::string saved = pl::ui::ServicePngCaptures(fb_w, fb_h, ImGui::GetIO().DisplayFramebufferScale);
    if (!saved.empty()) pl::ui::ExportStatus() = saved;

    if (p.frames_left > 0 && --p.frames_left == 0) {
        if (!p.screenshot.empty() && !pl::ui::SaveScreenshotPng(p.screenshot, fb_w, fb_h))
            std::fprintf(stderr, "plasticity: cannot write %s\n", p.screenshot.c_str());
        glfwSetWindowShouldClose(p.window, 1);
    }
    glfwSwapBuffers(p.window);
}

}  // namespace

int main(int argc, char** argv) {
    static Platform p;
    std::string state;
    bool start = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--frames" && i + 1 < argc)
            p.frames_left = std::atoi(argv[++i]);
        else if (arg == "--screenshot" && i + 1 < argc)
            p.screenshot = argv[++i];
        else if (arg == "--start")
            start = true;
        else if (arg.find('=') != std::string::npos)
            state += (state.empty() ? "" : "&") + arg;
        else {
            std::fprintf(stderr,
                         "usage: plasticity [lab=ID] [key=value ...] [--start] [--frames N] [--screenshot "
                         "FILE.png]\n");
            return 2;
        }
    }
    if (!p.screenshot.empty() && p.frames_left < 0) p.frames_left = 60;

    if (!glfwInit()) {
        std::fprintf(stderr, "plasticity: cannot initialise GLFW (no display?)\n");
        return 1;
    }
#ifdef __EMSCRIPTEN__
    const char* glsl_version = "#version 300 es";
    p.scale = float(emscripten_get_device_pixel_ratio());
    state = emscripten_run_script_string("location.hash.slice(1)");  // decoded item by item by apply_state
#else
    const char* glsl_version = "#version 150";
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
#endif
    p.window = glfwCreateWindow(1280, 800, "Plasticity Lab", nullptr, nullptr);
    if (!p.window) {
        std::fprintf(stderr, "plasticity: cannot create an OpenGL 3.2 window\n");
        return 1;
    }
    glfwMakeContextCurrent(p.window);
    glfwSwapInterval(1);
#ifndef __EMSCRIPTEN__
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(p.window, &sx, &sy);
    p.scale = sx;
#endif

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    pl::ui::ApplyTheme(p.scale);
    ImGui_ImplGlfw_InitForOpenGL(p.window, true);
    ImGui_ImplOpenGL3_Init(glsl_version);
#ifdef __EMSCRIPTEN__
    glfwSetScrollCallback(p.window, browser_scroll);
#endif

    std::string messages = p.app.apply_state(state);
    if (!messages.empty()) std::printf("plasticity: %s\n", messages.c_str());
    if (start) p.app.start();

#ifdef __EMSCRIPTEN__
    p.app.publish_state = [](const std::string& s) {
        EM_ASM({ history.replaceState(null, "", "#" + UTF8ToString($0)); }, s.c_str());
    };
    p.app.publish_state(p.app.state());
    p.app.pixel_ratio = p.scale;
    pl::ui::attach_web_api(&p.app);
    emscripten_set_main_loop_arg(frame, &p, 0, true);
#else
    while (!glfwWindowShouldClose(p.window)) frame(&p);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(p.window);
    glfwTerminate();
#endif
    return 0;
}
