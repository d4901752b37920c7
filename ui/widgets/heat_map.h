// Heat map of a matrix of numbers on ImDrawList, the value written in each cell, labelled rows and columns,
// hover read-out; NaN cells are left empty (e.g. rows not computed yet). Right-click exports CSV / PNG.
#pragma once
#include <imgui.h>
#include <Eigen/Dense>
#include <functional>
#include <string>
#include <vector>

namespace pl::ui {

struct HeatMapOptions {
    const char* row_title = "";                       // written left of the row labels
    const char* col_title = "";                       // written above the column labels
    std::vector<std::string> row_labels, col_labels;  // empty: 1, 2, 3, ...
    double lo = 0, hi = 1;                            // the colour scale: white at lo, dark blue at hi
    double scale = 1;  // a cell shows scale * value with `format`, e.g. 100 and "%.0f" for percent
    const char* format = "%.2f";
    float cell = 36;  // cell side in screen pixels
};

void HeatMap(const char* id, const Eigen::MatrixXd& values, const HeatMapOptions& options);

// Shared with ConfusionMatrix: a grid of labelled cells at the cursor (titles, labels, an invisible button,
// the export menu with `csv()`), then cells coloured white -> dark blue by a fraction in [0, 1] (Fill).
struct CellGrid {
    ImVec2 p0, origin, p1;  // the widget's top-left, cell (0, 0)'s top-left, the cells' bottom-right
    float cell = 0;
    int rows = 0, cols = 0;
    bool hovered = false;
    void Fill(int r, int c, double fraction, const std::string& text, ImU32 ink) const;
    bool HoveredCell(int& r, int& c) const;  // the cell under the mouse, outlined in orange
};
CellGrid PlaceCellGrid(const char* id, int rows, int cols, float cell, const char* row_title,
                       const char* col_title, const std::vector<std::string>& row_labels,
                       const std::vector<std::string>& col_labels, const std::function<std::string()>& csv);

}  // namespace pl::ui
