// Classification metrics: accuracy and the confusion matrix (rows = true class, cols = predicted).
#pragma once
#include <vector>
#include "engine/tensor.h"

namespace pl {

std::vector<int> argmax_columns(const Mat& scores);
double accuracy(const std::vector<int>& predicted, const std::vector<int>& truth);
Eigen::MatrixXi confusion_matrix(const std::vector<int>& predicted, const std::vector<int>& truth,
                                 int classes);

}  // namespace pl
