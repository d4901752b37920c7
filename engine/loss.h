// Losses on a batch, averaged over its samples: value(), dL/d(output) and the prediction they imply.
// Softmax cross-entropy takes logits; MSE is L = (1/B) sum_b 1/2 ||out_b - y_b||^2.
#pragma once
#include <string>
#include "engine/tensor.h"

namespace pl {

class Loss {
public:
    virtual ~Loss() = default;
    virtual std::string name() const = 0;
    virtual double value(const Mat& out, const Mat& target) const = 0;
    virtual Mat grad(const Mat& out, const Mat& target) const = 0;
    virtual Mat predict(const Mat& out) const = 0;  // probabilities (softmax) or the output itself
};

Mat softmax(const Mat& logits);  // column-wise, numerically stable

class SoftmaxCrossEntropy : public Loss {
public:
    std::string name() const override { return "cross-entropy"; }
    double value(const Mat& logits, const Mat& onehot) const override;  // -(1/B) sum y . log softmax
    Mat grad(const Mat& logits, const Mat& onehot) const override;      // (softmax - y) / B
    Mat predict(const Mat& logits) const override { return softmax(logits); }
};

class MeanSquaredError : public Loss {
public:
    std::string name() const override { return "mse"; }
    double value(const Mat& out, const Mat& target) const override;
    Mat grad(const Mat& out, const Mat& target) const override;  // (out - y) / B
    Mat predict(const Mat& out) const override { return out; }
};

}  // namespace pl
