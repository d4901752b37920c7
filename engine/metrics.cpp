// Accuracy and confusion matrix from predicted and true class indices.
#include "engine/metrics.h"
#include <stdexcept>

namespace pl {

// predicted_j = argmax_k scores(k, j)
std::vector<int> argmax_columns(const Mat& scores) {
    std::vector<int> result(scores.cols());
    for (int j = 0; j < int(scores.cols()); ++j) scores.col(j).maxCoeff(&result[j]);
    return result;
}

// fraction of samples with predicted == truth (0 for an empty set)
double accuracy(const std::vector<int>& predicted, const std::vector<int>& truth) {
    if (predicted.size() != truth.size())
        throw std::invalid_argument("accuracy: predicted and truth differ in size");
    if (truth.empty()) return 0.0;
    int correct = 0;
    for (size_t i = 0; i < truth.size(); ++i) correct += predicted[i] == truth[i];
    return double(correct) / double(truth.size());
}

// C(t, p) = number of samples of true class t predicted as p
Eigen::MatrixXi confusion_matrix(const std::vector<int>& predicted, const std::vector<int>& truth,
                                 int classes) {
    if (predicted.size() != truth.size())
        throw std::invalid_argument("confusion_matrix: predicted and truth differ in size");
    Eigen::MatrixXi c = Eigen::MatrixXi::Zero(classes, classes);
    for (size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes)
            throw std::invalid_argument("confusion_matrix: class index out of range");
        ++c(truth[i], predicted[i]);
    }
    return c;
}

}  // namespace pl
