// Shared by the gradient tests: central differences (f(v + h) - f(v - h)) / 2h for every entry of a matrix
// that f reads (each entry restored afterwards), and the relative error that compares them with a gradient.
#pragma once
#include <algorithm>
#include <cmath>
#include "engine/tensor.h"

namespace pl {

inline double rel_error(double a, double b) {
    return std::abs(a - b) / std::max(std::abs(a) + std::abs(b), 1e-12);
}

template <class F>
Mat central_differences(Mat& value, F f, double h = 1e-5) {
    Mat numeric(value.rows(), value.cols());
    for (Eigen::Index k = 0; k < value.size(); ++k) {
        const double saved = value(k);
        value(k) = saved + h;
        const double plus = f();
        value(k) = saved - h;
        const double minus = f();
        value(k) = saved;
        numeric(k) = (plus - minus) / (2 * h);
    }
    return numeric;
}

// The largest rel_error over the entries
inline double max_rel_error(const Mat& analytic, const Mat& numeric) {
    return analytic.binaryExpr(numeric, [](double a, double b) { return rel_error(a, b); }).maxCoeff();
}

}  // namespace pl
