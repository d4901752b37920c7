#include "ui/theme.h"
#include <imgui.h>
#include <fstream>

namespace pl::ui {

void ApplyTheme(float scale) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.GrabRounding = 3;
    style.ChildRounding = 3;
    style.ItemSpacing = ImVec2(8, 5);
    style.ScaleAllSizes(scale);

    // DejaVu Sans (Debian's fonts-dejavu-core) has the Greek letters and math symbols of the handouts.
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    static const ImWchar ranges[] = {0x0020, 0x017F, 0x0300, 0x036F, 0x0370, 0x03FF,
                                     0x1D00, 0x1DBF, 0x2000, 0x22FF, 0};
    const char* font = PL_FONT_FILE;
    if (std::ifstream(font).good()) {
        io.Fonts->AddFontFromFileTTF(font, 15.0f * scale, nullptr, ranges);
    } else {
        ImFontConfig config;
        config.SizePixels = 13.0f * scale;
        io.Fonts->AddFontDefault(&config);
    }
}

}  // namespace pl::ui
