// pl::exp, log, sin, ... (engine/math.h): within 1 ulp of long double std:: over their ranges, the special
// values, the float versions within 1 float ulp, and a few exact bit patterns pinned so a change of algorithm
// shows.
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include "engine/math.h"
#include "engine/rng.h"

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kGridPoints = 100000;    // evenly spaced over a range
constexpr int kRandomPoints = 100000;  // uniform over it

// |got - want| in units of the last place of want rounded to double (a NaN or inf must match exactly)
double ulp_error(double got, long double want) {
    const double w = double(want);
    if (std::isnan(w) || std::isinf(w))
        return std::isnan(w) ? (std::isnan(got) ? 0 : kInf) : (got == w ? 0 : kInf);
    const double magnitude = std::fabs(w), ulp = std::nextafter(magnitude, kInf) - magnitude;
    return double(std::fabs((long double)got - want) / ulp);
}

struct Range {
    double lo, hi;
    bool log_scale = false;  // x = e^t for t in [lo, hi]: positive numbers over many octaves
};
// max over a grid and random points of `range` of the ulp error of f against the long double reference
double max_ulp_error(const std::function<double(double)>& f,
                     const std::function<long double(long double)>& reference, Range range) {
    pl::Rng rng(15);
    double worst = 0;
    for (int i = 0; i < kGridPoints + kRandomPoints; ++i) {
        const double t = i < kGridPoints ? range.lo + (range.hi - range.lo) * i / (kGridPoints - 1)
                                         : rng.uniform(range.lo, range.hi);
        const double x = range.log_scale ? std::exp(t) : t;
        worst = std::max(worst, ulp_error(f(x), reference(x)));
    }
    return worst;
}

// |got - want| in float ulps of want
double float_ulp_error(float got, float want) {
    const float magnitude = std::fabs(want), ulp = std::nextafter(magnitude, INFINITY) - magnitude;
    return std::fabs(double(got) - double(want)) / ulp;
}
// max float ulp error of f(float) against std's double function rounded to float, over a grid of `range`
double max_float_ulp_error(const std::function<float(float)>& f,
                           const std::function<double(double)>& reference, Range range) {
    double worst = 0;
    for (int i = 0; i < kGridPoints; ++i) {
        const double t = range.lo + (range.hi - range.lo) * i / (kGridPoints - 1);
        const float x = float(range.log_scale ? std::exp(t) : t);
        worst = std::max(worst, float_ulp_error(f(x), float(reference(x))));
    }
    return worst;
}

uint64_t bits(double x) { return std::bit_cast<uint64_t>(x); }
}  // namespace

TEST_CASE("math: exp and expm1 within 1 ulp for |x| <= 700", "[math]") {
    const auto exp = [](double x) { return pl::exp(x); };
    const auto expl = [](long double x) { return std::exp(x); };
    CHECK(max_ulp_error(exp, expl, {-700, 700}) <= 0.85);
    CHECK(max_ulp_error(exp, expl, {-1, 1}) <= 0.85);
    CHECK(max_ulp_error(exp, expl, {709, 709.78}) <= 0.85);
    const auto expm1 = [](double x) { return pl::expm1(x); };
    const auto expm1l = [](long double x) { return std::expm1(x); };
    CHECK(max_ulp_error(expm1, expm1l, {-40, 40}) <= 0.95);
    CHECK(max_ulp_error(expm1, expm1l, {-1, 1}) <= 0.95);
    CHECK(max_ulp_error(expm1, expm1l, {-40, 0, true}) <= 0.95);  // 4e-18 .. 1
    CHECK(max_ulp_error([](double x) { return pl::expm1(-x); }, [](long double x) { return std::expm1(-x); },
                        {-40, 0, true}) <= 0.95);
}

TEST_CASE("math: log, log1p and log10 within 1 ulp over the positive doubles", "[math]") {
    const auto log = [](double x) { return pl::log(x); };
    const auto logl = [](long double x) { return std::log(x); };
    CHECK(max_ulp_error(log, logl, {0.5, 2}) <= 0.95);
    CHECK(max_ulp_error(log, logl, {-700, 700, true}) <= 0.95);
    CHECK(max_ulp_error(log, logl, {-744, -700, true}) <= 0.95);  // subnormal x
    const auto log1p = [](double x) { return pl::log1p(x); };
    const auto log1pl = [](long double x) { return std::log1p(x); };
    CHECK(max_ulp_error(log1p, log1pl, {-0.999, 3}) <= 0.95);
    CHECK(max_ulp_error(log1p, log1pl, {-40, 30, true}) <= 0.95);
    CHECK(max_ulp_error([](double x) { return pl::log1p(-x); }, [](long double x) { return std::log1p(-x); },
                        {-40, -1e-3, true}) <= 0.95);
    CHECK(max_ulp_error([](double x) { return pl::log10(x); }, [](long double x) { return std::log10(x); },
                        {-700, 700, true}) <= 0.95);
    for (int n = -20; n <= 20; ++n) CHECK(pl::log10(std::pow(10.0, n)) == n);  // exact at powers of 10
}

TEST_CASE("math: sin and cos within 1 ulp for |x| <= 1e5, finite beyond", "[math]") {
    const auto sin = [](double x) { return pl::sin(x); };
    const auto sinl = [](long double x) { return std::sin(x); };
    const auto cos = [](double x) { return pl::cos(x); };
    const auto cosl = [](long double x) { return std::cos(x); };
    CHECK(max_ulp_error(sin, sinl, {-10, 10}) <= 0.9);
    CHECK(max_ulp_error(sin, sinl, {-1e5, 1e5}) <= 0.9);
    CHECK(max_ulp_error(sin, sinl, {-40, 0, true}) <= 0.9);  // tiny x: sin x = x
    CHECK(max_ulp_error(cos, cosl, {-10, 10}) <= 0.9);
    CHECK(max_ulp_error(cos, cosl, {-1e5, 1e5}) <= 0.9);
    for (double x : {1e6, 1e10, 1e20, 1e300, -1e300}) {
        CHECK(std::fabs(pl::sin(x)) <= 1);
        CHECK(std::fabs(pl::cos(x)) <= 1);
    }
}

TEST_CASE("math: tanh, acos and pow within 1 ulp", "[math]") {
    const auto tanh = [](double x) { return pl::tanh(x); };
    const auto tanhl = [](long double x) { return std::tanh(x); };
    CHECK(max_ulp_error(tanh, tanhl, {-25, 25}) <= 0.9);
    CHECK(max_ulp_error(tanh, tanhl, {-40, 1, true}) <= 0.9);
    CHECK(max_ulp_error([](double x) { return pl::acos(x); }, [](long double x) { return std::acos(x); },
                        {-1, 1}) <= 0.9);
    // q10^((celsius - 6.3)/10), x^3 and Adam's beta^t: powl of the same double base
    CHECK(max_ulp_error([](double y) { return pl::pow(3, y); },
                        [](long double y) { return std::pow(3.0L, y); }, {-10, 10}) <= 0.9);
    CHECK(max_ulp_error([](double x) { return pl::pow(x, 2.7); },
                        [](long double x) { return std::pow(x, (long double)2.7); }, {0, 100}) <= 0.99);
    CHECK(max_ulp_error([](double y) { return pl::pow(1.37, y); },
                        [](long double y) { return std::pow((long double)1.37, y); }, {-500, 500}) <= 1.01);
    CHECK(max_ulp_error([](double x) { return pl::pow(x, 3); }, [](long double x) { return std::pow(x, 3); },
                        {-10, 10}) <= 0.5);
    CHECK(max_ulp_error([](double t) { return pl::pow(0.999, std::floor(t)); },
                        [](long double t) { return std::pow((long double)0.999, std::floor(t)); },
                        {1, 1e5}) <= 0.5);
    CHECK(max_ulp_error([](double t) { return pl::pow(0.9, -std::floor(t)); },
                        [](long double t) { return std::pow((long double)0.9, -std::floor(t)); },
                        {1, 6000}) <= 0.5);
}

TEST_CASE("math: special values follow the C standard", "[math]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (double (*f)(double) : {+[](double x) { return pl::exp(x); }, +[](double x) { return pl::expm1(x); },
                                +[](double x) { return pl::log(x); }, +[](double x) { return pl::log1p(x); },
                                +[](double x) { return pl::log10(x); }, +[](double x) { return pl::sin(x); },
                                +[](double x) { return pl::cos(x); }, +[](double x) { return pl::tanh(x); },
                                +[](double x) { return pl::acos(x); }})
        CHECK(std::isnan(f(nan)));
    CHECK(pl::exp(710.0) == kInf);
    CHECK(pl::exp(kInf) == kInf);
    CHECK(pl::exp(-kInf) == 0);
    CHECK(pl::exp(-746.0) == 0);
    CHECK(pl::exp(-740.0) > 0);  // subnormal
    CHECK(pl::exp(-740.0) < std::numeric_limits<double>::min());
    CHECK(pl::exp(0.0) == 1);
    CHECK(pl::expm1(-kInf) == -1);
    CHECK(pl::expm1(1e-300) == 1e-300);
    CHECK(pl::log(0.0) == -kInf);
    CHECK(std::isnan(pl::log(-1.0)));
    CHECK(pl::log(kInf) == kInf);
    CHECK(pl::log(1.0) == 0);
    CHECK(pl::log1p(-1.0) == -kInf);
    CHECK(std::isnan(pl::log1p(-2.0)));
    CHECK(pl::log1p(1e-300) == 1e-300);
    CHECK(std::isnan(pl::sin(kInf)));
    CHECK(std::isnan(pl::cos(-kInf)));
    CHECK(pl::sin(0.0) == 0);
    CHECK(std::signbit(pl::sin(-0.0)));
    CHECK(pl::cos(0.0) == 1);
    CHECK(pl::tanh(kInf) == 1);
    CHECK(pl::tanh(-kInf) == -1);
    CHECK(std::isnan(pl::acos(1.5)));
    CHECK(pl::acos(1.0) == 0);
    CHECK(pl::acos(-1.0) == double(M_PIl));
    CHECK(pl::pow(0.0, 0.0) == 1);
    CHECK(pl::pow(nan, 0.0) == 1);
    CHECK(pl::pow(1.0, nan) == 1);
    CHECK(std::isnan(pl::pow(-2.0, 0.5)));
    CHECK(pl::pow(-2.0, 3.0) == -8);
    CHECK(pl::pow(-2.0, -2.0) == 0.25);
    CHECK(pl::pow(0.0, -1.0) == kInf);
    CHECK(pl::pow(-0.0, -3.0) == -kInf);
    CHECK(pl::pow(0.0, 2.5) == 0);
    CHECK(pl::pow(-1.0, kInf) == 1);
    CHECK(pl::pow(0.5, kInf) == 0);
    CHECK(pl::pow(2.0, -kInf) == 0);
    CHECK(pl::pow(kInf, -1.0) == 0);
    CHECK(pl::pow(10.0, 400.0) == kInf);
    CHECK(pl::pow(10.0, -400.0) == 0);
    CHECK(pl::pow(2.0, 10.0) == 1024);
    CHECK(pl::pow(2.0, -1074.0) == std::numeric_limits<double>::denorm_min());
    CHECK(pl::pow(10.0, -310.0) > 0);  // subnormal, though 10^310 overflows
}

TEST_CASE("math: the float versions are within 1 float ulp of std's rounded to float", "[math]") {
    CHECK(max_float_ulp_error([](float x) { return pl::exp(x); }, [](double x) { return std::exp(x); },
                              {-87, 88}) <= 1);
    CHECK(max_float_ulp_error([](float x) { return pl::expm1(x); }, [](double x) { return std::expm1(x); },
                              {-20, 20}) <= 1);
    CHECK(max_float_ulp_error([](float x) { return pl::log(x); }, [](double x) { return std::log(x); },
                              {-80, 80, true}) <= 1);
    CHECK(max_float_ulp_error([](float x) { return pl::log(x); }, [](double x) { return std::log(x); },
                              {-103, -80, true}) <= 1);  // subnormal floats
    CHECK(max_float_ulp_error([](float x) { return pl::log1p(x); }, [](double x) { return std::log1p(x); },
                              {-0.99, 10}) <= 1);
    CHECK(max_float_ulp_error([](float x) { return pl::tanh(x); }, [](double x) { return std::tanh(x); },
                              {-10, 10}) <= 1);
    CHECK(max_float_ulp_error([](float x) { return pl::sin(x); }, [](double x) { return std::sin(x); },
                              {-100, 100}) <= 1);
    CHECK(max_float_ulp_error([](float x) { return pl::acos(x); }, [](double x) { return std::acos(x); },
                              {-1, 1}) <= 1);
}

TEST_CASE("math: the array versions apply the scalar functions to every coefficient", "[math]") {
    const Eigen::ArrayXf a = Eigen::ArrayXf::LinSpaced(13, -3, 3);
    const Eigen::ArrayXf e = pl::exp(a), l = pl::log1p(pl::exp(a)), t = pl::tanh(a),
                         ln = pl::log(a.abs() + 1);
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        CHECK(e(i) == pl::exp(a(i)));
        CHECK(l(i) == pl::log1p(pl::exp(a(i))));
        CHECK(t(i) == pl::tanh(a(i)));
        CHECK(ln(i) == pl::log(std::fabs(a(i)) + 1));
    }
}

TEST_CASE("math: pinned bit patterns (a change of algorithm shows here)", "[math]") {
    CHECK(bits(pl::exp(1.0)) == 0x4005bf0a8b145769);   // e, correctly rounded
    CHECK(bits(pl::exp(-0.5)) == 0x3fe368b2fc6f960a);  // 1/sqrt(e)
    CHECK(bits(pl::log(10.0)) == 0x40026bb1bbb55516);  // ln 10
    CHECK(bits(pl::log1p(1e-5)) == 0x3ee4f8aea9ae7317);
    CHECK(bits(pl::sin(1.0)) == 0x3feaed548f090cee);
    CHECK(bits(pl::cos(1e5)) == 0xbfeffac3841b3da7);
    CHECK(bits(pl::tanh(0.5)) == 0x3fdd9353d7568af3);
    CHECK(bits(pl::acos(0.3)) == 0x3ff441f5ecbeef59);
    CHECK(bits(pl::pow(3.0, 1.37)) == 0x401204b58dc02681);
    CHECK(std::bit_cast<uint32_t>(pl::exp(1.0f)) == 0x402df854);  // e in float
}
