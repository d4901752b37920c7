// Confusion matrix heat map on ImDrawList: white -> blue by the row-normalized count.
#include "ui/widgets/confusion_matrix.h"
#include <algorithm>
#include <string>
#include "ui/export.h"

namespace pl::ui {

namespace {

ImU32 HeatColor(double fraction) {
    const ImVec4 white(1, 1, 1, 1), blue(0.03f, 0.19f, 0.42f, 1);
    float t = float(std::clamp(fraction, 0.0, 1.0));
    return ImGui::ColorConvertFloat4ToU32(ImVec4(white.x + (blue.x - white.x) * t,
                                                 white.y + (blue.y - white.y) * t,
                                                 white.z + (blue.z - white.z) * t, 1));
}

std::string MatrixCsv(const Eigen::MatrixXi& counts) {
    std::string csv = "true\\predicted";
    for (int c = 0; c < counts.cols(); ++c) csv += "," + std::to_string(c);
    csv += "\n";
    for (int r = 0; r < counts.rows(); ++r) {
        csv += std::to_string(r);
        for (int c = 0; c < counts.cols(); ++c) csv += "," + std::to_string(counts(r, c));
        csv += "\n";
    }
    return csv;
}

// Text centred in a box, shrunk when it would not fit.
void CenteredText(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 color, const std::string& text) {
    ImVec2 size = ImGui::CalcTextSize(text.c_str());
    float scale = std::min(1.0f, (max.x - min.x - 2) / size.x);
    ImVec2 at((min.x + max.x - size.x * scale) / 2, (min.y + max.y - size.y * scale) / 2);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize() * scale, at, color, text.c_str());
}

}  // namespace

void ConfusionMatrix(const char* id, const Eigen::MatrixXi& counts, float cell) {
    const int rows = int(counts.rows()), cols = int(counts.cols());
    if (rows == 0 || cols == 0) {
        ImGui::TextDisabled("no data yet");
        return;
    }
    ImGui::PushID(id);
    const float line = ImGui::GetTextLineHeight();
    const float index_width = ImGui::CalcTextSize(std::to_string(std::max(rows, cols) - 1).c_str()).x;
    const float left = ImGui::CalcTextSize("true").x + 6 + index_width + 6;
    const float top = 2 * line + 4;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 origin(p0.x + left, p0.y + top);  // top-left corner of cell (0, 0)
    const ImVec2 p1(origin.x + cols * cell, origin.y + rows * cell);

    ImGui::InvisibleButton("##matrix", ImVec2(p1.x - p0.x, p1.y - p0.y));
    const bool hovered = ImGui::IsItemHovered() && !PngCapturePending();
    std::string csv = ExportMenuOpen("##export") ? MatrixCsv(counts) : "";
    ExportContextMenu("##export", id, csv, p0, p1);

    // Axis labels and class indices.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float predicted_width = ImGui::CalcTextSize("predicted").x;
    draw->AddText(ImVec2((origin.x + p1.x - predicted_width) / 2, p0.y), text, "predicted");
    draw->AddText(ImVec2(p0.x, (origin.y + p1.y - line) / 2), text, "true");
    for (int c = 0; c < cols; ++c) {
        ImVec2 a(origin.x + c * cell, p0.y + line + 2);
        CenteredText(draw, a, ImVec2(a.x + cell, a.y + line), text, std::to_string(c));
    }
    for (int r = 0; r < rows; ++r) {
        std::string label = std::to_string(r);
        float width = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(origin.x - 6 - width, origin.y + r * cell + (cell - line) / 2), text,
                      label.c_str());
    }

    // Cells coloured by the fraction of their row (the true class), with the count written in.
    const Eigen::VectorXi row_sums = counts.rowwise().sum();
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            double fraction = row_sums(r) > 0 ? double(counts(r, c)) / row_sums(r) : 0.0;
            ImVec2 a(origin.x + c * cell, origin.y + r * cell);
            ImVec2 b(a.x + cell, a.y + cell);
            draw->AddRectFilled(a, b, HeatColor(fraction));
            ImU32 ink = counts(r, c) == 0 ? IM_COL32(0, 0, 0, 60)
                        : fraction > 0.5  ? IM_COL32(255, 255, 255, 255)
                                          : IM_COL32(0, 0, 0, 255);
            CenteredText(draw, a, b, ink, std::to_string(counts(r, c)));
        }
    }
    draw->AddRect(origin, p1, ImGui::GetColorU32(ImGuiCol_Border));

    // Hover read-out for the cell under the mouse.
    ImVec2 mouse = ImGui::GetIO().MousePos;
    int r = int((mouse.y - origin.y) / cell), c = int((mouse.x - origin.x) / cell);
    if (hovered && mouse.x >= origin.x && mouse.y >= origin.y && r < rows && c < cols) {
        ImVec2 a(origin.x + c * cell, origin.y + r * cell);
        draw->AddRect(a, ImVec2(a.x + cell, a.y + cell), IM_COL32(255, 140, 0, 255), 0.0f, 0, 2.0f);
        double percent = row_sums(r) > 0 ? 100.0 * counts(r, c) / row_sums(r) : 0.0;
        ImGui::SetTooltip("true %d, predicted %d: %d (%.1f%% of class %d)", r, c, counts(r, c), percent, r);
    }
    ImGui::PopID();
}

}  // namespace pl::ui
