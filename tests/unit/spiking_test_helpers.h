// Shared by the spiking unit tests: random inputs and weights, and a relative error for gradient checks.
#pragma once
#include <algorithm>
#include <vector>
#include "engine/rng.h"
#include "engine/tensor.h"

namespace pl {

inline std::vector<Mat> silence(int inputs, int batch, int steps) {
    return std::vector<Mat>(steps, Mat::Zero(inputs, batch));
}

inline std::vector<Mat> random_spikes(Rng& rng, int inputs, int batch, int steps, double p) {
    std::vector<Mat> s(steps, Mat::Zero(inputs, batch));
    for (Mat& m : s)
        for (double& v : m.reshaped()) v = rng.uniform() < p ? 1.0 : 0.0;
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
