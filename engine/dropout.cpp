// Inverted dropout with masks drawn from the layer's Rng.
#include "engine/dropout.h"

namespace pl {

// y = x .* m / (1 - p), m_ij ~ Bernoulli(1 - p) in training; y = x at inference
Mat Dropout::forward(const Mat& x, bool training) {
    if (!training || rate <= 0) {
        mask_.resize(0, 0);
        return x;
    }
    // EXERCISE regularization.dropout_forward: Inverted dropout's forward pass in training (2 points)
    // HINT: keep each entry with probability 1 - rate: one rng_.uniform() < 1 - rate per entry of x.
    // HINT: a kept entry is scaled by 1 / (1 - rate), so that E[y] = x; keep the mask in mask_ for backward.
    const double keep = 1 - rate;
    mask_ = Mat::NullaryExpr(x.rows(), x.cols(), [&] { return rng_.uniform() < keep ? 1 / keep : 0.0; });
    return x.cwiseProduct(mask_);
    // END EXERCISE
}

// dL/dx = dL/dy .* m / (1 - p); dL/dx = dL/dy after an inference forward
Mat Dropout::backward(const Mat& grad_out) {
    // EXERCISE regularization.dropout_backward: Inverted dropout's backward pass (1 point)
    // HINT: the forward's mask_ multiplies the gradient too: a dropped unit passes no gradient down.
    // HINT: after an inference forward mask_ is empty: the gradient passes unchanged.
    if (mask_.size() == 0) return grad_out;
    return grad_out.cwiseProduct(mask_);
    // END EXERCISE
}

}  // namespace pl
