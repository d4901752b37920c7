// Exports: files are downloads in the browser and files in the working directory natively. PNG captures
// read the rendered frame back with glReadPixels and encode it with stb_image_write.
#include "ui/export.h"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <vector>

// stb_image_write (Debian libstb-dev, include dir /usr/include/stb) is C-style code: quiet its warnings.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include "stb_image_write.h"
#pragma GCC diagnostic pop

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#else
#include <GL/gl.h>
#endif

namespace pl::ui {

namespace {

struct PngRequest {
    std::string filename;
    ImVec2 min, max;
    int frames_to_wait = 1;  // the frame that asked still shows the menu; capture the next one
};

std::vector<PngRequest>& PendingCaptures() {
    static std::vector<PngRequest> pending;
    return pending;
}

// "Loss (log y)" -> "Loss_log_y": only [A-Za-z0-9_-], no doubled or trailing underscores.
std::string SanitizeBasename(const std::string& name) {
    std::string out;
    for (char c : name) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (ok) {
            out += c;
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.empty() ? "export" : out;
}

std::string SaveBytes(const std::string& filename, const unsigned char* data, size_t size, const char* mime) {
    std::string message;
#ifdef __EMSCRIPTEN__
    // clang-format off
    EM_ASM({
        var bytes = HEAPU8.slice($0, $0 + $1);
        var blob = new Blob([bytes], {type: UTF8ToString($3)});
        var url = URL.createObjectURL(blob);
        var a = document.createElement('a');
        a.href = url;
        a.download = UTF8ToString($2);
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
        setTimeout(function() { URL.revokeObjectURL(url); }, 1000);
    }, data, size, filename.c_str(), mime);
    // clang-format on
    message = "download started: " + filename;
#else
    (void)mime;
    std::ofstream file(filename, std::ios::binary);
    file.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    message = file.good() ? "saved " + filename : "error: could not write " + filename;
#endif
    ExportStatus() = message;
    return message;
}

// Reads the rectangle [x, x+w) x [y, y+h) of the current read buffer (y measured from the top) as RGBA rows
// from top to bottom, and encodes it as PNG.
std::vector<unsigned char> ReadPng(int x, int y, int w, int h, int framebuffer_height) {
    std::vector<unsigned char> rgba(size_t(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, framebuffer_height - y - h, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());

    // OpenGL rows go bottom-up; PNG rows top-down. The alpha channel holds blending leftovers: make it
    // opaque.
    std::vector<unsigned char> flipped(rgba.size());
    size_t row_bytes = size_t(w) * 4;
    for (int row = 0; row < h; ++row) {
        std::copy_n(&rgba[size_t(h - 1 - row) * row_bytes], row_bytes, &flipped[size_t(row) * row_bytes]);
    }
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;

    std::vector<unsigned char> png;
    auto append = [](void* context, void* data, int size) {
        auto* out = static_cast<std::vector<unsigned char>*>(context);
        auto* bytes = static_cast<unsigned char*>(data);
        out->insert(out->end(), bytes, bytes + size);
    };
    stbi_write_png_to_func(append, &png, w, h, 4, flipped.data(), int(row_bytes));
    return png;
}

}  // namespace

std::string& ExportStatus() {
    static std::string status;
    return status;
}

std::string SaveTextFile(const std::string& filename, const std::string& content, const char* mime) {
    return SaveBytes(filename, reinterpret_cast<const unsigned char*>(content.data()), content.size(), mime);
}

void RequestPngCapture(const std::string& filename, ImVec2 min, ImVec2 max) {
    PendingCaptures().push_back({filename, min, max});
}

bool PngCapturePending() { return !PendingCaptures().empty(); }

std::string ServicePngCaptures(int framebuffer_width, int framebuffer_height, ImVec2 framebuffer_scale) {
    std::string message;
    auto& pending = PendingCaptures();
    for (size_t i = 0; i < pending.size();) {
        PngRequest& request = pending[i];
        if (request.frames_to_wait > 0) {
            --request.frames_to_wait;
            ++i;
            continue;
        }
        // ImGui coordinates -> framebuffer pixels, clipped to the framebuffer.
        int x0 = std::clamp(int(std::floor(request.min.x * framebuffer_scale.x)), 0, framebuffer_width);
        int y0 = std::clamp(int(std::floor(request.min.y * framebuffer_scale.y)), 0, framebuffer_height);
        int x1 = std::clamp(int(std::ceil(request.max.x * framebuffer_scale.x)), 0, framebuffer_width);
        int y1 = std::clamp(int(std::ceil(request.max.y * framebuffer_scale.y)), 0, framebuffer_height);
        if (x1 > x0 && y1 > y0) {
            std::vector<unsigned char> png = ReadPng(x0, y0, x1 - x0, y1 - y0, framebuffer_height);
            message = SaveBytes(request.filename, png.data(), png.size(), "image/png");
        } else {
            message = ExportStatus() = "error: " + request.filename + " is off screen";
        }
        pending.erase(pending.begin() + std::ptrdiff_t(i));
    }
    return message;
}

bool SaveScreenshotPng(const std::string& path, int framebuffer_width, int framebuffer_height) {
    if (framebuffer_width <= 0 || framebuffer_height <= 0) return false;
    std::vector<unsigned char> png = ReadPng(0, 0, framebuffer_width, framebuffer_height, framebuffer_height);
    std::ofstream file(path, std::ios::binary);
    file.write(reinterpret_cast<const char*>(png.data()), std::streamsize(png.size()));
    return !png.empty() && file.good();
}

bool ExportMenuOpen(const char* id) {
    // BeginPopupContextItem opens on right-button release over the item, and begins in that same frame.
    return ImGui::IsPopupOpen(id) || (ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
                                      ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByPopup));
}

void ExportContextMenu(const char* id, const std::string& basename, const std::string& csv, ImVec2 min,
                       ImVec2 max) {
    if (!ImGui::BeginPopupContextItem(id)) return;
    std::string base = SanitizeBasename(basename);
    if (ImGui::MenuItem("Export CSV", nullptr, false, !csv.empty())) {
        SaveTextFile(base + ".csv", csv, "text/csv");
    }
    if (ImGui::MenuItem("Export PNG")) {
        RequestPngCapture(base + ".png", min, max);
        ExportStatus() = "capturing " + base + ".png";
    }
    ImGui::EndPopup();
}

}  // namespace pl::ui
