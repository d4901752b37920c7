// Softmax cross-entropy with a weight per sample over masked logits (continual learning: each sample scored
// on its active units, replayed samples weighted apart): L = sum_n w_n (-log p_n[y_n]), p_n = softmax(z_n).
#pragma once
#include "engine/tensor.h"

namespace pl {

double weighted_cross_entropy(const Mat& logits, const Mat& onehot, const Vec& weights);
Mat weighted_cross_entropy_grad(const Mat& logits, const Mat& onehot, const Vec& weights);  // (p - y) diag(w)

}  // namespace pl
