// Inverted dropout with masks drawn from the layer's Rng.
#include "engine/dropout.h"

namespace pl {

// y = x .* m / (1 - p), m_ij ~ Bernoulli(1 - p) in training; y = x at inference
Mat Dropout::forward(const Mat& x, bool training) {
    if (!training || rate <= 0) {
        mask_.resize(0, 0);
        return x;
    }
    const double keep = 1 - rate;
    mask_ = Mat::NullaryExpr(x.rows(), x.cols(), [&] { return rng_.uniform() < keep ? 1 / keep : 0.0; });
    return x.cwiseProduct(mask_);
}

// dL/dx = dL/dy .* m / (1 - p)
Mat Dropout::backward(const Mat& grad_out) {
    if (mask_.size() == 0) return grad_out;
    return grad_out.cwiseProduct(mask_);
}

}  // namespace pl
