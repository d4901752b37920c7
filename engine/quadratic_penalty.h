// The quadratic anchor of EWC (Kirkpatrick et al. 2017) and SI (Zenke et al. 2017): parameters pulled back
// to anchored values theta* with a per-parameter importance (the Fisher F, or SI's omega).
#pragma once
#include <vector>
#include "engine/layer.h"

namespace pl {

struct Anchor {
    std::vector<Mat> importance;  // F or omega, one per param (the params' order)
    std::vector<Mat> theta;       // the anchored values theta*
};

// EWC's penalty strength * 1/2 * sum_i F_i (theta_i - theta*_i)^2; adds its gradient strength * F (theta -
// theta*) to every param's grad and returns its value. SI's c sum omega (theta - theta*)^2 is strength 2c.
double quadratic_penalty(const std::vector<Param*>& params, const Anchor& anchor, double strength);

std::vector<Mat> values_of(const std::vector<Param*>& params);  // every param's value, in order

}  // namespace pl
