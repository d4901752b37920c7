// Histogram of values on ImDrawList, with bin count, axis ticks and hover read-out; right-click exports.
#pragma once
#include <imgui.h>
#include <vector>

namespace pl::ui {

// Bins `values` into `bins` equal bins between their min and max and draws the bars.
void Histogram(const char* id, const char* title, const std::vector<double>& values, int bins, ImVec2 size,
               ImU32 color = 0);

}  // namespace pl::ui
