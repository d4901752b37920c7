// EWC's diagonal Fisher information of an Mlp's parameters from the model's own predictions (the exact
// Fisher: every label weighted by its predicted probability, van de Ven's fisher_labels='all'), batched over
// samples.
#pragma once
#include <vector>
#include "engine/mlp.h"

namespace pl {

// F = (1/N) sum_n sum_c p_c(x_n) (d log p_c(x_n) / d theta)^2, p the softmax over each sample's active units
// (`mask`, outputs x N). One batched backward per output unit: a linear layer's per-sample gradient is
// delta_n a_n^T, so sum_n p_nc (delta_n a_n^T)^2 = (delta^2 diag(p_c)) (a^2)^T. In net.params()'s order.
std::vector<Mat> fisher_diagonal(Mlp& net, const Mat& x, const Mat& mask, int chunk = 500);

}  // namespace pl
