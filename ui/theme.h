// Colours, spacing and fonts of the app; the font is rasterised at the display scale (high-DPI).
#pragma once

namespace pl::ui {

void ApplyTheme(float scale);  // call once after ImGui::CreateContext, before the first frame

}  // namespace pl::ui
