// Confusion matrix heat map on ImDrawList: white -> blue by the row-normalized count.
#include "ui/widgets/confusion_matrix.h"
#include <string>
#include <vector>
#include "ui/widgets/heat_map.h"

namespace pl::ui {

namespace {

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

}  // namespace

void ConfusionMatrix(const char* id, const Eigen::MatrixXi& counts, float cell) {
    const int rows = int(counts.rows()), cols = int(counts.cols());
    if (rows == 0 || cols == 0) {
        ImGui::TextDisabled("no data yet");
        return;
    }
    ImGui::PushID(id);
    std::vector<std::string> row_labels, col_labels;  // the class indices
    for (int r = 0; r < rows; ++r) row_labels.push_back(std::to_string(r));
    for (int c = 0; c < cols; ++c) col_labels.push_back(std::to_string(c));
    const CellGrid grid = PlaceCellGrid(id, rows, cols, cell, "true", "predicted", row_labels, col_labels,
                                        [&] { return MatrixCsv(counts); });

    // Cells coloured by the fraction of their row (the true class), with the count written in.
    const Eigen::VectorXi row_sums = counts.rowwise().sum();
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            double fraction = row_sums(r) > 0 ? double(counts(r, c)) / row_sums(r) : 0.0;
            ImU32 ink = counts(r, c) == 0 ? IM_COL32(0, 0, 0, 60)
                        : fraction > 0.5  ? IM_COL32(255, 255, 255, 255)
                                          : IM_COL32(0, 0, 0, 255);
            grid.Fill(r, c, fraction, std::to_string(counts(r, c)), ink);
        }
    }

    // Hover read-out for the cell under the mouse.
    int r = 0, c = 0;
    if (grid.HoveredCell(r, c)) {
        double percent = row_sums(r) > 0 ? 100.0 * counts(r, c) / row_sums(r) : 0.0;
        ImGui::SetTooltip("true %d, predicted %d: %d (%.1f%% of class %d)", r, c, counts(r, c), percent, r);
    }
    ImGui::PopID();
}

}  // namespace pl::ui
