#include "engine/diehl_cook_labels.h"

namespace pl {

DigitResponses::DigitResponses(int classes, int neurons)
    : sum_(Eigen::ArrayXXd::Zero(classes, neurons)), digits_(Eigen::ArrayXd::Zero(classes)) {}

void DigitResponses::add(const Eigen::ArrayXi& spike_counts, int label) {
    sum_.row(label) += spike_counts.cast<double>().transpose();
    digits_(label) += 1;
}

void DigitResponses::clear() {
    sum_.setZero();
    digits_.setZero();
}

Eigen::ArrayXi DigitResponses::assignments() const {
    const Eigen::ArrayXXd mean =
        sum_.colwise() / digits_.max(1);  // mean response of each neuron to each class
    Eigen::ArrayXi assignment(sum_.cols());
    for (Eigen::Index j = 0; j < sum_.cols(); ++j) mean.col(j).maxCoeff(&assignment(j));
    return assignment;
}

int classify(const Eigen::ArrayXi& spike_counts, const Eigen::ArrayXi& assignments, int classes) {
    Eigen::ArrayXd score = Eigen::ArrayXd::Zero(classes);
    for (int c = 0; c < classes; ++c) {
        const Eigen::ArrayXd is_c = (assignments == c).cast<double>();
        if (is_c.sum() > 0)
            score(c) = (is_c * spike_counts.cast<double>()).sum() / is_c.sum();  // mean over c's neurons
    }
    int best = 0;
    score.maxCoeff(&best);
    return best;
}

}  // namespace pl
