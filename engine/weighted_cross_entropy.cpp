#include "engine/weighted_cross_entropy.h"
#include "engine/loss.h"
#include "engine/math.h"

namespace pl {

// L = -sum_n w_n y_n . log softmax(z_n), log softmax(z) = (z - max z) - log sum exp(z - max z)
double weighted_cross_entropy(const Mat& logits, const Mat& onehot, const Vec& weights) {
    const Mat shifted = logits.rowwise() - logits.colwise().maxCoeff();
    const Mat log_p = shifted.rowwise() - pl::log(pl::exp(shifted.array()).colwise().sum()).matrix();
    return -(onehot.cwiseProduct(log_p).colwise().sum() * weights)(0);
}

// dL/dz_n = w_n (softmax(z_n) - y_n)
Mat weighted_cross_entropy_grad(const Mat& logits, const Mat& onehot, const Vec& weights) {
    return (softmax(logits) - onehot) * weights.asDiagonal();
}

}  // namespace pl
