// Grouped bar chart on ImDrawList: at each x position one bar per series, from 0 (negative values go down),
// with the line plot's axes, a legend and a hover read-out. Right-click exports CSV / PNG.
#pragma once
#include <imgui.h>
#include <string>
#include <vector>

namespace pl::ui {

struct BarSeries {
    std::string name;
    const std::vector<double>* values = nullptr;  // one value per x position
    ImU32 color = 0;                              // 0: the palette's colour of the series index
};

// x: the groups' positions, ascending; a group's bars share 80% of the smallest gap between positions.
void BarChart(const char* id, const char* title, const std::vector<double>& x,
              const std::vector<BarSeries>& series, ImVec2 size, const char* x_label = "",
              const char* y_label = "");

}  // namespace pl::ui
