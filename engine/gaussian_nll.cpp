// Gaussian negative log-likelihood with a known noise sd.
#include "engine/gaussian_nll.h"
#include <cmath>
#include <numbers>
#include "engine/math.h"

namespace pl {

// L = (1/B) sum [ (o - y)^2 / (2 s^2) + log s + log(2 pi) / 2 ]
double GaussianNll::value(const Mat& out, const Mat& target) const {
    const double s2 = noise_sd * noise_sd;
    const double constant = pl::log(noise_sd) + 0.5 * pl::log(2 * std::numbers::pi);
    return ((out - target).squaredNorm() / (2 * s2) + constant * double(out.size())) / double(out.cols());
}

// dL/do = (o - y) / (s^2 B)
Mat GaussianNll::grad(const Mat& out, const Mat& target) const {
    return (out - target) / (noise_sd * noise_sd * double(out.cols()));
}

}  // namespace pl
