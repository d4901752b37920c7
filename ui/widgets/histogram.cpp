// Histogram on ImDrawList, using the line plot's axes.
#include "ui/widgets/histogram.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include "ui/export.h"
#include "ui/widgets/line_plot.h"

namespace pl::ui {

namespace {

struct Bins {
    double lo = 0, hi = 1;
    std::vector<int> counts;
    int finite = 0, skipped = 0;  // values binned / NaN and Inf left out

    double Edge(int i) const { return lo + (hi - lo) * i / double(counts.size()); }
};

Bins MakeBins(const std::vector<double>& values, int bins) {
    Bins b;
    b.counts.assign(size_t(std::clamp(bins, 1, 1000)), 0);
    double lo = INFINITY, hi = -INFINITY;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (lo > hi) {  // nothing finite
        lo = 0;
        hi = 1;
    }
    if (lo == hi) {  // a single distinct value: bins around it
        lo -= 0.5;
        hi += 0.5;
    }
    b.lo = lo;
    b.hi = hi;
    const int n = int(b.counts.size());
    for (double v : values) {
        if (!std::isfinite(v)) {
            ++b.skipped;
            continue;
        }
        int i = std::min(int((v - lo) / (hi - lo) * n), n - 1);
        ++b.counts[size_t(i)];
        ++b.finite;
    }
    return b;
}

std::string BinsCsv(const Bins& b) {
    std::string csv = "bin_lo,bin_hi,count\n";
    char row[96];
    for (size_t i = 0; i < b.counts.size(); ++i) {
        std::snprintf(row, sizeof row, "%.10g,%.10g,%d\n", b.Edge(int(i)), b.Edge(int(i) + 1), b.counts[i]);
        csv += row;
    }
    return csv;
}

}  // namespace

void Histogram(const char* id, const char* title, const std::vector<double>& values, int bins, ImVec2 size,
               ImU32 color) {
    ImGui::PushID(id);
    const ImRect rect = PlacePlot(size, 200, "##histogram");
    const ImVec2 p0 = rect.Min, p1 = rect.Max;
    const bool has_title = title && *title;
    if (color == 0) color = PaletteColor(0);
    Bins b = MakeBins(values, bins);

    const bool hovered = ImGui::IsItemHovered() && !PngCapturePending();
    std::string csv = ExportMenuOpen("##export") ? BinsCsv(b) : "";
    ExportContextMenu("##export", has_title ? title : id, csv, p0, p1);

    // Title, with the number of values on the right.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 frame_min = p0;
    if (has_title) {
        char count[64];
        if (b.skipped > 0) {
            std::snprintf(count, sizeof count, "n = %d (%d not finite)", b.finite, b.skipped);
        } else {
            std::snprintf(count, sizeof count, "n = %d", b.finite);
        }
        frame_min.y += DrawPlotTitle(draw, p0, p1, title, count);
    }

    int max_count = *std::max_element(b.counts.begin(), b.counts.end());
    double y1 = std::max(max_count * 1.08, 4.0);
    PlotAxes axes = DrawPlotAxes(draw, frame_min, p1, b.lo, b.hi, 0, y1, false, "", "");

    // Which bar is under the mouse.
    const int n = int(b.counts.size());
    ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered_bin = -1;
    if (hovered && b.finite > 0 && mouse.x >= axes.min.x && mouse.x < axes.max.x && mouse.y >= axes.min.y &&
        mouse.y < axes.max.y) {
        hovered_bin = std::clamp(int((axes.XAt(mouse.x) - b.lo) / (b.hi - b.lo) * n), 0, n - 1);
    }

    // Bars, a pixel apart when there is room.
    const ImU32 highlight = ImGui::GetColorU32(ImGuiCol_Text);
    for (int i = 0; i < n; ++i) {
        if (b.counts[size_t(i)] == 0) continue;
        ImVec2 top_left = axes.ToScreen(b.Edge(i), b.counts[size_t(i)]);
        ImVec2 bottom_right = axes.ToScreen(b.Edge(i + 1), 0);
        if (bottom_right.x - top_left.x > 3) bottom_right.x -= 1;
        draw->AddRectFilled(top_left, bottom_right, color);
        if (i == hovered_bin) draw->AddRect(top_left, bottom_right, highlight);
    }
    const char* empty_text = values.empty() ? "no data yet" : b.finite == 0 ? "no finite data" : nullptr;
    if (empty_text) {
        ImVec2 text_size = ImGui::CalcTextSize(empty_text);
        ImVec2 at((axes.min.x + axes.max.x - text_size.x) / 2, (axes.min.y + axes.max.y - text_size.y) / 2);
        draw->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), empty_text);
    }

    if (hovered_bin >= 0) {
        int count = b.counts[size_t(hovered_bin)];
        ImGui::BeginTooltip();
        ImGui::Text("[%g, %g%s", b.Edge(hovered_bin), b.Edge(hovered_bin + 1),
                    hovered_bin == n - 1 ? "]" : ")");
        ImGui::Text("count %d (%.1f%%)", count, 100.0 * count / b.finite);
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

}  // namespace pl::ui
