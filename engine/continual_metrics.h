// The metrics of a continual run from its accuracy matrix R (R(i, j): accuracy on context j after training on
// context i, T x T): ACC, backward transfer and forgetting (Lopez-Paz & Ranzato 2017; Avalanche's names).
#pragma once
#include "engine/tensor.h"

namespace pl {

double average_accuracy(const Mat& R);   // ACC = (1/T) sum_j R(T, j)
double backward_transfer(const Mat& R);  // BWT = 1/(T-1) sum_{j<T} (R(T, j) - R(j, j)); NaN for T = 1
// Avalanche's forgetting, averaged over the T-1 earlier contexts: 1/(T-1) sum_{j<T} (R(j, j) - R(T, j)) =
// -BWT.
double forgetting(const Mat& R);

}  // namespace pl
