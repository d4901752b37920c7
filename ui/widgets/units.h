// Lengths in design pixels (at the 15 px base font) scaled to the UI, so layouts keep their proportions
// on high-DPI screens where the font is rasterised larger.
#pragma once
#include <imgui.h>

namespace pl::ui {

inline float Px(float design_pixels) { return design_pixels * ImGui::GetFontSize() / 15.0f; }

}  // namespace pl::ui
