// Batch normalization (Ioffe & Szegedy 2015) of each feature: training normalizes with the batch's mean and
// variance and updates running averages of them; inference normalizes with those running averages.
#pragma once
#include "engine/layer.h"

namespace pl {

class BatchNorm : public Layer {
public:
    BatchNorm(int features, int index = 1, double momentum = 0.1, double eps = 1e-5);
    std::string name() const override { return "BatchNorm"; }
    Mat forward(const Mat& x, bool training) override;
    Mat infer(const Mat& x) override;            // with the running averages
    Mat backward(const Mat& grad_out) override;  // after a training forward: through the batch statistics
    std::vector<Param*> params() override { return {&gamma, &beta}; }
    std::vector<Mat*> buffers() override { return {&running_mean, &running_var}; }

    Param gamma, beta;              // scale (starts at 1) and shift (starts at 0), features x 1
    Mat running_mean, running_var;  // features x 1, used at inference
    double momentum, eps;

private:
    Mat x_hat_;    // normalized input of the last training forward
    Vec inv_std_;  // 1 / sqrt(var + eps) of that batch
};

}  // namespace pl
