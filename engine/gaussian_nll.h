// Gaussian negative log-likelihood with a known noise sd s, averaged over the batch:
// L = (1/B) sum_b sum_k [ (o_bk - y_bk)^2 / (2 s^2) + log s + log(2 pi) / 2 ]: MSE / s^2 plus a constant.
#pragma once
#include "engine/loss.h"

namespace pl {

class GaussianNll : public Loss {
public:
    explicit GaussianNll(double noise_sd) : noise_sd(noise_sd) {}
    std::string name() const override { return "gaussian-nll"; }
    double value(const Mat& out, const Mat& target) const override;
    Mat grad(const Mat& out, const Mat& target) const override;  // (o - y) / (s^2 B)
    Mat predict(const Mat& out) const override { return out; }
    double noise_sd;
};

}  // namespace pl
