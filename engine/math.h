// The engine's own transcendental functions: the same bits on every platform (glibc or musl, GCC or clang,
// x86 or wasm) for the same input, built only from + - * / sqrt floor and exact exponent scaling (issue 15).
#pragma once
#include <Eigen/Core>

namespace pl {
// Double versions: within about 1 ulp of the true value (tests/unit/test_math.cpp measures each).
double exp(double x);    // e^x; inf past 709.78, subnormal then 0 below -708.4
double expm1(double x);  // e^x - 1, accurate near 0
double log(double x);    // ln x; -inf at 0, NaN below 0
double log1p(double x);  // ln(1 + x), accurate near 0
double log10(double x);  // log10 x = ln x / ln 10
double sin(double x);    // |x| <= 1e5 to about 1 ulp; larger x deterministic and finite, less accurate
double cos(double x);
double tanh(double x);           // (e^2x - 1) / (e^2x + 1)
double acos(double x);           // in [0, pi]; NaN outside [-1, 1]
double pow(double x, double y);  // x^y; integer y by repeated squaring in double-double

// Float versions: exp, log, log1p and tanh by their own kernels (float accuracy, within 1 float ulp; they
// serve the float engine's arrays), the others the double version rounded to float.
float exp(float x);
float log(float x);
float log1p(float x);
float tanh(float x);
inline float expm1(float x) { return float(pl::expm1(double(x))); }
inline float log10(float x) { return float(pl::log10(double(x))); }
inline float sin(float x) { return float(pl::sin(double(x))); }
inline float cos(float x) { return float(pl::cos(double(x))); }
inline float acos(float x) { return float(pl::acos(double(x))); }
inline float pow(float x, float y) { return float(pl::pow(double(x), double(y))); }

// x_i <- f(x_i) for i < n: the loops of the array versions below (the float ones vectorise)
void exp_each(float* x, Eigen::Index n);
void exp_each(double* x, Eigen::Index n);
void log_each(float* x, Eigen::Index n);
void log_each(double* x, Eigen::Index n);
void log1p_each(float* x, Eigen::Index n);
void log1p_each(double* x, Eigen::Index n);
void tanh_each(float* x, Eigen::Index n);
void tanh_each(double* x, Eigen::Index n);

// Coefficient-wise versions for Eigen arrays: pl::exp(a) is a.exp() with the functions above, evaluated.
template <typename A, typename Each>
typename A::PlainObject evaluated_each(const Eigen::ArrayBase<A>& a, Each each) {
    typename A::PlainObject y = a;
    each(y.data(), y.size());
    return y;
}
template <typename A>
typename A::PlainObject exp(const Eigen::ArrayBase<A>& a) {
    return evaluated_each(a, [](auto* x, Eigen::Index n) { exp_each(x, n); });
}
template <typename A>
typename A::PlainObject log(const Eigen::ArrayBase<A>& a) {
    return evaluated_each(a, [](auto* x, Eigen::Index n) { log_each(x, n); });
}
template <typename A>
typename A::PlainObject log1p(const Eigen::ArrayBase<A>& a) {
    return evaluated_each(a, [](auto* x, Eigen::Index n) { log1p_each(x, n); });
}
template <typename A>
typename A::PlainObject tanh(const Eigen::ArrayBase<A>& a) {
    return evaluated_each(a, [](auto* x, Eigen::Index n) { tanh_each(x, n); });
}
}  // namespace pl
