// Grouped bar chart, using the line plot's axes.
#include "ui/widgets/bar_chart.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include "ui/export.h"
#include "ui/widgets/line_plot.h"

namespace pl::ui {

namespace {

double Value(const BarSeries& s, size_t i) { return i < s.values->size() ? (*s.values)[i] : std::nan(""); }

std::string BarsCsv(const std::vector<double>& x, const std::vector<BarSeries>& series) {
    std::string csv = "x";
    for (const BarSeries& s : series) csv += "," + s.name;
    csv += "\n";
    char number[32];
    for (size_t i = 0; i < x.size(); ++i) {
        std::snprintf(number, sizeof number, "%.10g", x[i]);
        csv += number;
        for (const BarSeries& s : series) {
            std::snprintf(number, sizeof number, ",%.10g", Value(s, i));
            csv += number;
        }
        csv += "\n";
    }
    return csv;
}

}  // namespace

void BarChart(const char* id, const char* title, const std::vector<double>& x,
              const std::vector<BarSeries>& series, ImVec2 size, const char* x_label, const char* y_label) {
    ImGui::PushID(id);
    const ImRect rect = PlacePlot(size, 220, "##bars");
    const bool hovered = ImGui::IsItemHovered() && !PngCapturePending();
    const bool has_title = title && *title;
    std::string csv = ExportMenuOpen("##export") ? BarsCsv(x, series) : "";
    ExportContextMenu("##export", has_title ? title : id, csv, rect.Min, rect.Max);

    // A group's width: 80% of the smallest gap between positions (1 when there is one group).
    double gap = 1;
    for (size_t i = 1; i < x.size(); ++i) gap = i == 1 ? x[i] - x[i - 1] : std::min(gap, x[i] - x[i - 1]);
    const double group = 0.8 * gap, bar = group / std::max<size_t>(1, series.size());
    double y0 = 0, y1 = 0;
    for (const BarSeries& s : series)
        for (size_t i = 0; i < x.size(); ++i)
            if (std::isfinite(Value(s, i))) y0 = std::min(y0, Value(s, i)), y1 = std::max(y1, Value(s, i));
    if (y1 == y0) y1 = y0 + 1;
    const double pad = 0.08 * (y1 - y0),
                 legend = series.size() > 1 ? 0.12 * double(series.size()) * (y1 - y0) : 0;
    y0 = y0 < 0 ? y0 - pad : 0, y1 = (y1 > 0 ? y1 : 0) + pad + legend;  // room above for the legend

    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 frame_min = rect.Min;
    if (has_title) frame_min.y += DrawPlotTitle(draw, rect.Min, rect.Max, title);
    const double x0 = x.empty() ? 0 : x.front() - gap / 2, x1 = x.empty() ? 1 : x.back() + gap / 2;
    const PlotAxes axes = DrawPlotAxes(draw, frame_min, rect.Max, x0, x1, y0, y1, false, x_label, y_label);
    draw->AddLine(axes.ToScreen(x0, 0), axes.ToScreen(x1, 0), ImGui::GetColorU32(ImGuiCol_Text, 0.5f));

    // Bars, the one under the mouse outlined and read out.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const ImU32 highlight = ImGui::GetColorU32(ImGuiCol_Text);
    for (size_t k = 0; k < series.size(); ++k) {
        const ImU32 color = series[k].color ? series[k].color : PaletteColor(int(k));
        for (size_t i = 0; i < x.size(); ++i) {
            const double v = Value(series[k], i), left = x[i] - group / 2 + double(k) * bar;
            if (!std::isfinite(v)) continue;
            ImVec2 a = axes.ToScreen(left, std::max(v, 0.0)), b = axes.ToScreen(left + bar, std::min(v, 0.0));
            b.y = std::max(b.y, a.y + 1);  // a zero still shows as a line
            draw->AddRectFilled(a, b, color);
            if (hovered && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y - 2 && mouse.y < b.y + 2) {
                draw->AddRect(a, b, highlight);
                ImGui::SetTooltip("%s\nx = %g: %.4g", series[k].name.c_str(), x[i], v);
            }
        }
    }

    // Legend, top right.
    const float line = ImGui::GetTextLineHeight();
    float top = axes.min.y + 4;
    for (size_t k = 0; k < series.size() && series.size() > 1; ++k) {
        const float width = ImGui::CalcTextSize(series[k].name.c_str()).x;
        const ImVec2 at(axes.max.x - width - line - 8, top);
        const ImU32 color = series[k].color ? series[k].color : PaletteColor(int(k));
        draw->AddRectFilled(ImVec2(at.x, at.y + 3), ImVec2(at.x + line - 6, at.y + line - 3), color);
        draw->AddText(ImVec2(at.x + line - 2, at.y), highlight, series[k].name.c_str());
        top += line + 2;
    }
    ImGui::PopID();
}

}  // namespace pl::ui
