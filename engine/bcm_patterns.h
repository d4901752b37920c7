// The input patterns BCM becomes selective among (random, nonnegative) and how selective each output is: its
// largest |response| over the next largest, from W (outputs x inputs) and the patterns (inputs x patterns).
#pragma once
#include "engine/rng.h"
#include "engine/tensor.h"

namespace pl {

Mat random_patterns(Rng& rng, int inputs, int count);  // inputs x count, each entry uniform in [0, 1)

// Per output i: max_p |(W P)_ip| / the next largest; infinite if the others are all 0, NaN for one pattern.
Vec selectivity(const Mat& W, const Mat& patterns);

}  // namespace pl
