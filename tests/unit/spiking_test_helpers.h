// Shared by the spiking unit tests: random inputs and weights in the recorded layout (inputs x (steps *
// batch), step t in columns [t * batch, (t + 1) * batch)), and a relative error for gradient checks.
#pragma once
#include <algorithm>
#include "engine/rng.h"
#include "engine/tensor.h"

namespace pl {

inline Mat silence(int inputs, int batch, int steps) { return Mat::Zero(inputs, steps * batch); }

inline Mat random_spikes(Rng& rng, int inputs, int batch, int steps, double p) {
    Mat s(inputs, steps * batch);
    for (double& v : s.reshaped()) v = rng.uniform() < p ? 1.0 : 0.0;
    return s;
}

inline Mat random_mat(Rng& rng, int rows, int cols, double sd) {
    Mat m(rows, cols);
    for (double& v : m.reshaped()) v = rng.normal(0, sd);
    return m;
}

// Max |a - b| relative to max |b|
inline double rel_max_error(const Mat& a, const Mat& b) {
    return (a - b).cwiseAbs().maxCoeff() / std::max(b.cwiseAbs().maxCoeff(), 1e-300);
}

}  // namespace pl
