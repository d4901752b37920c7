// Batch normalization: y = gamma .* (x - mean) / sqrt(var + eps) + beta, per feature (row).
#include "engine/batch_norm.h"

namespace pl {

BatchNorm::BatchNorm(int features, int index, double momentum, double eps) : momentum(momentum), eps(eps) {
    const std::string number = std::to_string(index);
    gamma = {"gamma" + number, Mat::Ones(features, 1), Mat::Zero(features, 1)};
    beta = {"beta" + number, Mat::Zero(features, 1), Mat::Zero(features, 1)};
    running_mean = Mat::Zero(features, 1);
    running_var = Mat::Ones(features, 1);
}

// x_hat = (x - running mean) / sqrt(running var + eps), y = gamma .* x_hat + beta
Mat BatchNorm::infer(const Mat& x) {
    const Vec inv_std = (running_var.array() + eps).rsqrt();
    Mat x_hat = inv_std.asDiagonal() * (x.colwise() - running_mean.col(0));
    return (gamma.value.col(0).asDiagonal() * x_hat).colwise() + beta.value.col(0);
}

Mat BatchNorm::forward(const Mat& x, bool training) {
    if (!training) return infer(x);
    // mu = mean_j x_j, var = mean_j (x_j - mu)^2 over the batch; x_hat = (x - mu) / sqrt(var + eps)
    const Vec mean = x.rowwise().mean();
    const Mat centred = x.colwise() - mean;
    const Vec var = centred.array().square().rowwise().mean();
    inv_std_ = (var.array() + eps).rsqrt();
    x_hat_ = inv_std_.asDiagonal() * centred;
    // running <- (1 - momentum) running + momentum batch (the unbiased variance, as at inference)
    const double n = double(x.cols());
    const double unbiased = n > 1 ? n / (n - 1) : 1.0;
    running_mean = (1 - momentum) * running_mean + momentum * mean;
    running_var = (1 - momentum) * running_var + momentum * unbiased * var;
    // y = gamma .* x_hat + beta
    return (gamma.value.col(0).asDiagonal() * x_hat_).colwise() + beta.value.col(0);
}

Mat BatchNorm::backward(const Mat& grad_out) {
    const double n = double(grad_out.cols());
    gamma.grad = grad_out.cwiseProduct(x_hat_).rowwise().sum();  // dL/dgamma = sum_j g_j x_hat_j
    beta.grad = grad_out.rowwise().sum();                        // dL/dbeta = sum_j g_j
    // dL/dx = inv_std / n .* (n g_hat - sum_j g_hat_j - x_hat .* sum_j g_hat_j x_hat_j), g_hat = gamma .* g
    const Mat g_hat = gamma.value.col(0).asDiagonal() * grad_out;
    const Vec sum_g = g_hat.rowwise().sum();
    const Vec sum_gx = g_hat.cwiseProduct(x_hat_).rowwise().sum();
    const Mat inner = (n * g_hat).colwise() - sum_g - x_hat_.cwiseProduct(sum_gx.replicate(1, x_hat_.cols()));
    return (inv_std_ / n).asDiagonal() * inner;
}

}  // namespace pl
