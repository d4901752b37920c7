// Angle between two weight updates and the Moore-Penrose pseudo-inverse.
// g++ 12 -O2 sees a false -Wmaybe-uninitialized in Eigen's blocked Householder code: silenced for Eigen only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <Eigen/Dense>
#include "engine/math.h"
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include "engine/angles.h"

namespace pl {

// angle = acos(<a, b> / (|a| |b|)) * 180 / pi
double angle_deg(const Mat& a, const Mat& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols())
        throw std::invalid_argument("angle_deg: the two matrices differ in size");
    const Eigen::VectorXd a_d = a.reshaped().cast<double>(), b_d = b.reshaped().cast<double>();  // float32's
    const double norms = a_d.norm() * b_d.norm();  // rounding would put identical updates 0.03 degrees apart
    if (norms == 0) return std::numeric_limits<double>::quiet_NaN();
    const double cosine = std::clamp(a_d.dot(b_d) / norms, -1.0, 1.0);
    return pl::acos(cosine) * 180.0 / std::numbers::pi;
}

// m+ with m m+ m = m, m+ m m+ = m+ (rank-deficient m allowed)
Mat pseudo_inverse(const Mat& m) { return Eigen::CompleteOrthogonalDecomposition<Mat>(m).pseudoInverse(); }

}  // namespace pl
