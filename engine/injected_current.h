// A point neuron's injected current made safe to integrate: a non-finite value (NaN, inf) counts as 0 and the
// rest is clamped to +-limit, so a bad input never turns a model's state into NaN or inf.
#pragma once
#include <Eigen/Core>

namespace pl {

template <class A>  // Eigen::ArrayXd, or a fixed-size array
A injected_current(const A& I, double limit) {
    return I.isFinite().select(I.cwiseMax(-limit).cwiseMin(limit), 0.0);
}

}  // namespace pl
