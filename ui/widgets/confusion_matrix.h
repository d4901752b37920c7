// Confusion matrix heat map: rows = true class, columns = predicted, counts in the cells, hover read-out.
#pragma once
#include <imgui.h>
#include <Eigen/Dense>

namespace pl::ui {

void ConfusionMatrix(const char* id, const Eigen::MatrixXi& counts, float cell = 26.0f);

}  // namespace pl::ui
