// Heat map on ImDrawList: white -> blue by the value between lo and hi, the value written in each cell.
#include "ui/widgets/heat_map.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include "ui/export.h"

namespace pl::ui {

namespace {

std::vector<std::string> Labels(const std::vector<std::string>& labels, int count) {
    std::vector<std::string> out = labels;
    for (int i = int(out.size()); i < count; ++i) out.push_back(std::to_string(i + 1));
    return out;
}

std::string Cell(const HeatMapOptions& options, double value) {
    if (!std::isfinite(value)) return "";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, options.format, options.scale * value);
    return buffer;
}

std::string MatrixCsv(const Eigen::MatrixXd& values, const HeatMapOptions& options,
                      const std::vector<std::string>& row_labels,
                      const std::vector<std::string>& col_labels) {
    std::string csv = std::string(options.row_title) + "\\" + options.col_title;
    for (int c = 0; c < values.cols(); ++c) csv += "," + col_labels[size_t(c)];
    csv += "\n";
    for (int r = 0; r < values.rows(); ++r) {
        csv += row_labels[size_t(r)];
        for (int c = 0; c < values.cols(); ++c) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.10g", values(r, c));
            csv += "," + (std::isfinite(values(r, c)) ? std::string(buffer) : std::string());
        }
        csv += "\n";
    }
    return csv;
}

// Text centred in a box, shrunk when it would not fit.
void CenteredText(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 color, const std::string& text) {
    ImVec2 size = ImGui::CalcTextSize(text.c_str());
    float scale = std::min(1.0f, (max.x - min.x - 2) / std::max(size.x, 1.0f));
    ImVec2 at((min.x + max.x - size.x * scale) / 2, (min.y + max.y - size.y * scale) / 2);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize() * scale, at, color, text.c_str());
}

ImU32 HeatColor(double fraction) {
    const ImVec4 white(1, 1, 1, 1), blue(0.03f, 0.19f, 0.42f, 1);
    float t = float(std::clamp(fraction, 0.0, 1.0));
    return ImGui::ColorConvertFloat4ToU32(ImVec4(white.x + (blue.x - white.x) * t,
                                                 white.y + (blue.y - white.y) * t,
                                                 white.z + (blue.z - white.z) * t, 1));
}

}  // namespace

CellGrid PlaceCellGrid(const char* id, int rows, int cols, float cell, const char* row_title,
                       const char* col_title, const std::vector<std::string>& row_labels,
                       const std::vector<std::string>& col_labels, const std::function<std::string()>& csv) {
    CellGrid g;
    g.rows = rows, g.cols = cols, g.cell = cell;
    const float line = ImGui::GetTextLineHeight();
    float label_width = 0;
    for (const std::string& label : row_labels)
        label_width = std::max(label_width, ImGui::CalcTextSize(label.c_str()).x);
    g.p0 = ImGui::GetCursorScreenPos();
    g.origin = ImVec2(g.p0.x + ImGui::CalcTextSize(row_title).x + 6 + label_width + 6, g.p0.y + 2 * line + 4);
    g.p1 = ImVec2(g.origin.x + cols * cell, g.origin.y + rows * cell);

    ImGui::InvisibleButton("##cells", ImVec2(g.p1.x - g.p0.x, g.p1.y - g.p0.y));
    g.hovered = ImGui::IsItemHovered() && !PngCapturePending();
    ExportContextMenu("##export", id, ExportMenuOpen("##export") ? csv() : "", g.p0, g.p1);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float col_title_width = ImGui::CalcTextSize(col_title).x;
    draw->AddText(ImVec2(std::max(g.origin.x, (g.origin.x + g.p1.x - col_title_width) / 2), g.p0.y), text,
                  col_title);
    draw->AddText(ImVec2(g.p0.x, (g.origin.y + g.p1.y - line) / 2), text, row_title);
    for (int c = 0; c < cols; ++c) {
        ImVec2 a(g.origin.x + c * cell, g.p0.y + line + 2);
        CenteredText(draw, a, ImVec2(a.x + cell, a.y + line), text, col_labels[size_t(c)]);
    }
    for (int r = 0; r < rows; ++r) {
        const std::string& label = row_labels[size_t(r)];
        float width = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(g.origin.x - 6 - width, g.origin.y + r * cell + (cell - line) / 2), text,
                      label.c_str());
    }
    draw->AddRect(g.origin, g.p1, ImGui::GetColorU32(ImGuiCol_Border));
    return g;
}

void CellGrid::Fill(int r, int c, double fraction, const std::string& text, ImU32 ink) const {
    const ImVec2 a(origin.x + c * cell, origin.y + r * cell), b(a.x + cell, a.y + cell);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(a, b, HeatColor(fraction));
    CenteredText(draw, a, b, ink, text);
}

bool CellGrid::HoveredCell(int& r, int& c) const {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    r = int((mouse.y - origin.y) / cell), c = int((mouse.x - origin.x) / cell);
    if (!hovered || mouse.x < origin.x || mouse.y < origin.y || r >= rows || c >= cols) return false;
    const ImVec2 a(origin.x + c * cell, origin.y + r * cell);
    ImGui::GetWindowDrawList()->AddRect(a, ImVec2(a.x + cell, a.y + cell), IM_COL32(255, 140, 0, 255), 0.0f,
                                        0, 2.0f);
    return true;
}

void HeatMap(const char* id, const Eigen::MatrixXd& values, const HeatMapOptions& options) {
    const int rows = int(values.rows()), cols = int(values.cols());
    if (rows == 0 || cols == 0) {
        ImGui::TextDisabled("no data yet");
        return;
    }
    ImGui::PushID(id);
    const std::vector<std::string> row_labels = Labels(options.row_labels, rows),
                                   col_labels = Labels(options.col_labels, cols);
    const CellGrid grid =
        PlaceCellGrid(id, rows, cols, options.cell, options.row_title, options.col_title, row_labels,
                      col_labels, [&] { return MatrixCsv(values, options, row_labels, col_labels); });
    // Cells coloured by where their value lies between lo and hi, with the value written in; NaN left empty.
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            if (!std::isfinite(values(r, c))) continue;
            const double fraction = (values(r, c) - options.lo) / (options.hi - options.lo);
            grid.Fill(r, c, fraction, Cell(options, values(r, c)),
                      fraction > 0.5 ? IM_COL32(255, 255, 255, 255) : IM_COL32(0, 0, 0, 255));
        }
    int r = 0, c = 0;
    if (grid.HoveredCell(r, c)) {
        const std::string value = Cell(options, values(r, c));
        ImGui::SetTooltip("%s %s, %s %s: %s", options.row_title, row_labels[size_t(r)].c_str(),
                          options.col_title, col_labels[size_t(c)].c_str(),
                          value.empty() ? "not yet" : value.c_str());
    }
    ImGui::PopID();
}

}  // namespace pl::ui
