#include "engine/math.h"
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

// Only + - * / sqrt, floor, fmod, frexp and scaling by powers of two: each is exact or correctly rounded by
// IEEE 754, so the bits do not depend on the C library. Built with -ffp-contract=off (engine/CMakeLists.txt):
// no FMA.
namespace pl {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ln 2 = kLn2Hi + kLn2Lo, kLn2Hi to 42 significant bits so that k kLn2Hi is exact for |k| < 2^11
constexpr double kLn2Hi = 0x1.62e42fefa38p-1, kLn2Lo = 0x1.ef35793c76730p-45;
constexpr double kInvLn2 = 0x1.71547652b82fep+0;  // 1 / ln 2
// pi/2 = kPio2_1 + kPio2_2 + kPio2_3 (Cody-Waite), the first two to 33 bits: k kPio2_i exact for |k| < 2^20
constexpr double kPio2_1 = 0x1.921fb544p+0, kPio2_2 = 0x1.0b4611a6p-34, kPio2_3 = 0x1.3198a2e037073p-69;
constexpr double k2OverPi = 0x1.45f306dc9c883p-1;  // 2 / pi
constexpr double kMaxReduced = 1e6;                // |x| beyond this is first taken modulo 2 kPiHi
constexpr double kPio2Hi = 0x1.921fb54442d18p+0, kPio2Lo = 0x1.1a62633145c07p-54;        // pi/2 = hi + lo
constexpr double kPiHi = 0x1.921fb54442d18p+1, kPiLo = 0x1.1a62633145c07p-53;            // pi = hi + lo
constexpr double kInvLn10Hi = 0x1.bcb7b1526e50ep-2, kInvLn10Lo = 0x1.95355baaafad3p-57;  // 1/ln 10 = hi + lo
constexpr double kTanhSwitch = 1.25;      // tanh |x| as 1 - 2/(e^2|x| + 1) from here on (there within 1 ulp)
constexpr double kSplitter = 0x1p27 + 1;  // Veltkamp: a kSplitter splits a into two 26-bit halves

// c_j = (+-1)^j / (first + stride j)!: Taylor coefficients of e^x (stride 1) and of sin, cos (stride 2,
// alternating)
template <size_t N>
constexpr std::array<double, N> taylor(int first, int stride, double sign) {
    std::array<double, N> c{};
    double factorial = 1, power = 1;  // n! is exact in double up to 22!
    for (int n = 2; n <= first; ++n) factorial *= n;
    for (size_t j = 0; j < N; ++j, power *= sign) {
        c[j] = power / factorial;
        for (int n = 1; n <= stride; ++n) factorial *= first + stride * int(j) + n;
    }
    return c;
}
// c_j = 2 / (2j + 3): 2 atanh(s) = 2s + s R(z), R(z) = z (2/3 + 2z/5 + 2z^2/7 + ...), z = s^2
template <size_t N>
constexpr std::array<double, N> atanh_series() {
    std::array<double, N> c{};
    for (size_t j = 0; j < N; ++j) c[j] = 2.0 / double(2 * j + 3);
    return c;
}
// c_j = a_(j+1) / (2j + 3), a_n = (2n)! / (4^n n!^2) = a_(n-1) (2n - 1) / (2n): asin x = x + x^3 A(x^2)
template <size_t N>
constexpr std::array<double, N> asin_series() {
    std::array<double, N> c{};
    double a = 1;
    for (size_t j = 0; j < N; ++j) {
        a *= double(2 * j + 1) / double(2 * j + 2);
        c[j] = a / double(2 * j + 3);
    }
    return c;
}
constexpr auto kExpTail =
    taylor<12>(2, 1, 1);  // e^r = 1 + r + r^2 (1/2! + r/3! + ... + r^11/13!), |r| <= ln2/2
constexpr auto kSinTail = taylor<9>(3, 2, -1);  // sin r = r - r^3 (1/3! - z/5! + ... + z^8/19!), z = r^2
constexpr auto kCosTail = taylor<9>(4, 2, -1);  // cos r = 1 - z/2 + z^2 (1/4! - z/6! + ... + z^8/20!)
constexpr auto kAtanh = atanh_series<10>();     // to s^21, |s| <= 0.1716
constexpr auto kAsin = asin_series<25>();       // to x^51, |x| <= 1/2
// a_n of tanh x = sum a_n x^(2n+1): tanh' = 1 - tanh^2 gives (2n + 1) a_n = -sum_(i+j=n-1) a_i a_j, a_0 = 1
template <size_t N>
constexpr std::array<double, N> tanh_series() {
    std::array<double, N> a{};
    a[0] = 1;
    for (size_t n = 1; n < N; ++n) {
        double sum = 0;
        for (size_t i = 0; i < n; ++i) sum += a[i] * a[n - 1 - i];
        a[n] = -sum / double(2 * n + 1);
    }
    return a;
}
constexpr auto kTanh = tanh_series<11>();  // to x^21: float accuracy for |x| < kTanhSwitchF

template <size_t N>
constexpr std::array<float, N> to_float(const std::array<double, N>& c) {
    std::array<float, N> f{};
    for (size_t j = 0; j < N; ++j) f[j] = float(c[j]);
    return f;
}
// The float kernels' constants: ln 2 = kLn2HiF + kLn2LoF, kLn2HiF to 12 bits (k kLn2HiF exact for |k| < 2^12)
constexpr float kLn2HiF = 0x1.62ep-1f, kLn2LoF = 0x1.0bfbe8p-15f, kInvLn2F = 0x1.715476p+0f;
constexpr float kRoundF = 0x1.8p23f;  // (y + kRoundF) - kRoundF rounds |y| < 2^22 to the nearest integer
constexpr float kInfF = std::numeric_limits<float>::infinity();
constexpr auto kExpTailF = to_float(taylor<6>(2, 1, 1));  // e^r = 1 + r + r^2 (1/2! + ... + r^5/7!)
constexpr auto kAtanhF = to_float(atanh_series<5>());     // to s^11
constexpr double kTanhSwitchF = 0.625;  // the float tanh: its series below, 1 - 2/(e^2|x| + 1) above

// c_0 + z (c_1 + z (c_2 + ...)): Horner's rule
template <typename T, size_t N>
T horner(const std::array<T, N>& c, T z) {
    T sum = c[N - 1];
    for (size_t n = N - 1; n-- > 0;) sum = sum * z + c[n];
    return sum;
}

struct TwoDoubles {  // hi + lo, |lo| <= ulp(hi) / 2
    double hi, lo;
};
// a + b = hi + lo exactly (Knuth's two-sum)
TwoDoubles two_sum(double a, double b) {
    const double s = a + b, bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}
// a + b = hi + lo exactly when |a| >= |b| (Dekker's fast two-sum)
TwoDoubles fast_two_sum(double a, double b) {
    const double s = a + b;
    return {s, b - (s - a)};
}
// a b = hi + lo exactly (Dekker, with Veltkamp's split); lo = 0 where the split would overflow
TwoDoubles two_prod(double a, double b) {
    const double p = a * b;
    if (!(std::fabs(a) < 0x1p995 && std::fabs(b) < 0x1p995 && std::fabs(p) < 0x1p995)) return {p, 0};
    const double ta = kSplitter * a, a_hi = ta - (ta - a), a_lo = a - a_hi;
    const double tb = kSplitter * b, b_hi = tb - (tb - b), b_lo = b - b_hi;
    return {p, ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo};
}
// (a.hi + a.lo)(b.hi + b.lo) to about 2^-104
TwoDoubles multiply(TwoDoubles a, TwoDoubles b) {
    const TwoDoubles p = two_prod(a.hi, b.hi);
    return fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

// 2^k for -1022 <= k <= 1023, from its bits
double power_of_two(int k) { return Eigen::numext::bit_cast<double>(uint64_t(k + 1023) << 52); }
// y 2^k for |k| <= 2000: the first factor exact, so the result is rounded once (to a subnormal, 0 or inf)
double scale(double y, int k) {
    if (k > 1023) return y * 0x1p1023 * power_of_two(k - 1023);
    if (k < -1022) return y * 0x1p-1022 * power_of_two(k + 1022);
    return y * power_of_two(k);
}

struct ReducedExp {  // x = k ln2 + r + c, |r| <= ln2/2, c the rounding error of r
    int k;
    double r, c;
};
ReducedExp reduce_exp(double a, double b) {  // x = a + b, |b| <= ulp(a)
    const double k = std::floor(a * kInvLn2 + 0.5);
    const double hi = a - k * kLn2Hi, lo = k * kLn2Lo - b;  // hi exact: k kLn2Hi is exact and near a
    const double r = hi - lo;
    return {int(k), r, (hi - r) - lo};
}
// e^(r + c) - 1 - r = r^2 (1/2 + r/6 + ...) + c e^r
double expm1_minus_r(double r, double c) { return r * r * horner(kExpTail, r) + c * (1 + r); }

// e^(a + b) for |a| <= 746 (b: the tail of a double-double)
double exp_parts(double a, double b) {
    const ReducedExp x = reduce_exp(a, b);
    return scale(1 + (x.r + expm1_minus_r(x.r, x.c)), x.k);  // e^x = 2^k e^r
}

// e ln2 + ln(1 + f) + tail as hi + lo, for f in [sqrt(1/2) - 1, sqrt(2) - 1]:
// ln(1 + f) = 2 atanh(s) = f - f^2/2 + s (f^2/2 + R(s^2)), s = f / (2 + f), since 2s = f - s f
TwoDoubles log_parts(int e, double f, double tail) {
    const double s = f / (2 + f), z = s * s, half_f2 = 0.5 * f * f;
    const double ln1pf_minus_f = s * (half_f2 + z * horner(kAtanh, z)) - half_f2;
    const TwoDoubles sum = two_sum(e * kLn2Hi, f);  // e kLn2Hi is exact
    return fast_two_sum(sum.hi, sum.lo + (ln1pf_minus_f + (e * kLn2Lo + tail)));
}
// ln x + tail = hi + lo for finite x > 0: x = 2^e m, m in [sqrt(1/2), sqrt(2))
TwoDoubles log_parts(double x, double tail) {
    int e = 0;
    double m = std::frexp(x, &e);
    if (m < 0x1.6a09e667f3bcdp-1) m *= 2, --e;  // sqrt(1/2)
    return log_parts(e, m - 1, tail);           // m - 1 exact (Sterbenz)
}

struct ReducedAngle {  // x = k pi/2 + hi + lo, |hi| <= pi/4, quadrant = k mod 4
    int quadrant;
    double hi, lo;
};
ReducedAngle reduce_angle(double x) {
    if (std::fabs(x) > kMaxReduced) x = std::fmod(x, 2 * kPiHi);  // exact, but modulo 2 kPiHi, not 2 pi
    const double k = std::floor(x * k2OverPi + 0.5);
    const TwoDoubles r =
        two_sum(x - k * kPio2_1, -(k * kPio2_2));  // both products exact, the first difference too
    const TwoDoubles sum = fast_two_sum(r.hi, r.lo - k * kPio2_3);
    return {int(k - 4 * std::floor(k / 4)), sum.hi, sum.lo};
}
// sin(hi + lo) = sin hi + lo cos hi ~ hi - (hi z S(z) - lo), z = hi^2
double sin_reduced(double hi, double lo) {
    const double z = hi * hi;
    return hi - (hi * z * horner(kSinTail, z) - lo);
}
// cos(hi + lo) = cos hi - lo sin hi ~ w + ((1 - w - z/2) + z^2 C(z) - hi lo), w = 1 - z/2 rounded
double cos_reduced(double hi, double lo) {
    const double z = hi * hi, half_z = 0.5 * z, w = 1 - half_z;
    return w + (((1 - w) - half_z) + (z * z * horner(kCosTail, z) - hi * lo));
}

// asin(x) - x = x^3 A(x^2), |x| <= 1/2
double asin_minus_x(double x) { return x * (x * x) * horner(kAsin, x * x); }
// 2 asin(sqrt(v)) = hi + lo for v in [0, 1/4]: sqrt(v) = s + s_lo with s_lo = (v - s^2) / 2s, hi = 2s
TwoDoubles twice_asin_sqrt(double v) {
    const double s = std::sqrt(v);
    const TwoDoubles s2 = two_prod(s, s);
    const double s_lo = s > 0 ? ((v - s2.hi) - s2.lo) / (2 * s) : 0;
    return {2 * s, 2 * (asin_minus_x(s) + s_lo)};
}

bool is_odd_integer(double y) { return std::floor(y / 2) * 2 != y && std::floor(y) == y; }
// x^n for 1 <= n < 2^31 by repeated squaring in double-double: x^n = product of x^(2^i) over the bits of n
double integer_power(double x, int64_t n) {
    TwoDoubles acc{1, 0}, base{x, 0};
    for (int64_t bits = n < 0 ? -n : n; bits > 0; bits >>= 1) {
        if (bits & 1) acc = multiply(acc, base);
        if (bits > 1) base = multiply(base, base);
    }
    if (n > 0) return acc.hi + acc.lo;
    const double q = 1 / acc.hi;  // 1 / (hi + lo) = q (1 + residual), residual = 1 - q (hi + lo)
    const TwoDoubles q_hi = two_prod(q, acc.hi);
    return q + q * (((1 - q_hi.hi) - q_hi.lo) - q * acc.lo);
}

// e^x - 1 = 2^k (1 + r + t) - 1 = ((2^k - 1) + 2^k r) + 2^k t as hi + lo, t = e^r - 1 - r, the first sum
// exact
TwoDoubles expm1_parts(double x) {
    const ReducedExp reduced = reduce_exp(x, 0);
    const double r = reduced.r, t = expm1_minus_r(r, reduced.c);
    const int k = reduced.k;
    if (k == 0) return fast_two_sum(r, t);
    if (k > 52) return {scale(1 + (r + (t - power_of_two(-k))), k), 0};  // 2^k (1 + r + t - 2^-k)
    const double two_k = power_of_two(k);
    const TwoDoubles sum = two_sum(two_k - 1, two_k * r);  // 2^k - 1 exact for -53 <= k <= 52
    return fast_two_sum(sum.hi, sum.lo + two_k * t);
}
// The float kernels: float arithmetic only and no branches, so that the loops over arrays below vectorise.
// e^x = 2^k e^r, x = k ln2 + r; 2^k as 2^(k/2) 2^(k - k/2) (each a normal float, the first product exact)
inline float exp_float(float x) {
    const float clamped =
        std::min(89.0f, std::max(-104.0f, x));  // e^-104 rounds to 0, e^89 to inf; NaN: -104
    const float k = (clamped * kInvLn2F + kRoundF) - kRoundF;
    const float r = (clamped - k * kLn2HiF) - k * kLn2LoF;
    const float e_r = 1 + (r + r * r * horner(kExpTailF, r));
    const int k1 = int(k) / 2, k2 = int(k) - k1;
    const float y = e_r * Eigen::numext::bit_cast<float>((k1 + 127) << 23) *
                    Eigen::numext::bit_cast<float>((k2 + 127) << 23);
    return x == x ? y : x;
}
// (e + e_offset) ln2 + ln(1 + f) + tail for u = 2^e (1 + f) a positive normal float, as log_parts above
inline float log_float(float u, int e_offset, float tail) {
    const int bits = Eigen::numext::bit_cast<int>(u);
    const float m = Eigen::numext::bit_cast<float>((bits & 0x7fffff) | 0x3f800000);  // in [1, 2)
    const bool high = m > 0x1.6a09e6p+0f;                                            // sqrt(2)
    const float f = m * (high ? 0.5f : 1.0f) - 1;
    const float e = float((bits >> 23) - 127 + high + e_offset);
    const float s = f / (2 + f), z = s * s, half_f2 = 0.5f * f * f;
    const float ln1pf_minus_f = s * (half_f2 + z * horner(kAtanhF, z)) - half_f2;
    const float a = e * kLn2HiF, hi = a + f, b = hi - a, lo = (a - (hi - b)) + (f - b);  // a + f = hi + lo
    return hi + (lo + (ln1pf_minus_f + (e * kLn2LoF + tail)));
}
inline float log_float(float x) {
    const bool subnormal = x < std::numeric_limits<float>::min();
    const float y = log_float(x * (subnormal ? 0x1p25f : 1.0f), subnormal ? -25 : 0, 0);
    return x > 0 ? (x < kInfF ? y : x) : (x == 0 ? -kInfF : std::numeric_limits<float>::quiet_NaN());
}
// ln(1 + x) = ln(u) + c/u, u = 1 + x rounded, c = 1 + x - u exactly
inline float log1p_float(float x) {
    const float u = 1 + x, below_2 = x - (u - 1), above_2 = 1 - (u - x);
    const float c = u <= 2 ? below_2 : above_2;
    const float y = log_float(u, 0, c / u);
    return x > -1 ? (x < kInfF ? y : x) : (x == -1 ? -kInfF : std::numeric_limits<float>::quiet_NaN());
}
// tanh |x| = |x| (a_0 + a_1 x^2 + ...) below kTanhSwitchF, 1 - 2 / (e^2|x| + 1) above, in double; odd in x
inline float tanh_float(float x) {
    const double a = std::fabs(double(x)), z = a * a;
    const double series = a * horner(kTanh, z);
    const double e_2a = double(exp_float(float(2 * a)));
    return float(std::copysign(a < kTanhSwitchF ? series : 1 - 2 / (e_2a + 1), double(x)));
}
}  // namespace

float exp(float x) { return exp_float(x); }
float tanh(float x) { return tanh_float(x); }
void tanh_each(float* x, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i) x[i] = tanh_float(x[i]);
}
void tanh_each(double* x, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i) x[i] = pl::tanh(x[i]);
}
float log(float x) { return log_float(x); }
float log1p(float x) { return log1p_float(x); }
void exp_each(float* x, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i) x[i] = exp_float(x[i]);
}
void log_each(float* x, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i) x[i] = log_float(x[i]);
}
void log1p_each(float* x, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i) x[i] = log1p_float(x[i]);
}
void exp_each(double* x, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i) x[i] = pl::exp(x[i]);
}
void log_each(double* x, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i) x[i] = pl::log(x[i]);
}
void log1p_each(double* x, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i) x[i] = pl::log1p(x[i]);
}

double exp(double x) {
    if (std::isnan(x)) return x;
    if (x > 710) return kInf;  // e^709.79 is the largest double
    if (x < -746) return 0;    // e^-745.14 rounds to 0
    return exp_parts(x, 0);
}

double expm1(double x) {
    if (std::isnan(x)) return x;
    if (x > 710) return kInf;
    if (x < -40) return -1;  // e^-40 < 2^-57
    const TwoDoubles e = expm1_parts(x);
    return e.hi + e.lo;
}

double log(double x) {
    if (std::isnan(x) || x < 0) return kNaN;
    if (x == 0) return -kInf;
    if (std::isinf(x)) return x;
    const TwoDoubles ln = log_parts(x, 0);
    return ln.hi + ln.lo;
}

// ln(1 + x) = ln(u) + ln(1 + c/u) ~ ln(u) + c/u, u = 1 + x rounded, c = 1 + x - u exactly
double log1p(double x) {
    if (x <= -1 || std::isinf(x)) return pl::log(1 + x);  // NaN, -inf, inf as ln
    if (!(std::fabs(x) >= 0x1p-54)) return x;             // NaN, and ln(1 + x) = x - x^2/2 rounds to x
    const double u = 1 + x;
    const double c = u <= 2 ? x - (u - 1) : 1 - (u - x);  // fast two-sum with the larger of 1 and x first
    const TwoDoubles ln = log_parts(u, c / u);
    return ln.hi + ln.lo;
}

// log10 x = ln x / ln 10, the product in double-double
double log10(double x) {
    if (!(x > 0 && x < kInf)) return pl::log(x);  // NaN, -inf, inf as ln
    const TwoDoubles ln = log_parts(x, 0);
    const TwoDoubles p = two_prod(ln.hi, kInvLn10Hi);
    return p.hi + (p.lo + (ln.hi * kInvLn10Lo + ln.lo * kInvLn10Hi));
}

// sin x by quadrant k of x = k pi/2 + r: sin r, cos r, -sin r, -cos r
double sin(double x) {
    if (!std::isfinite(x)) return kNaN;
    if (std::fabs(x) < 0x1p-27) return x;  // sin x = x (1 - x^2/6) rounds to x (and keeps -0)
    const ReducedAngle a = reduce_angle(x);
    const double y = a.quadrant % 2 == 0 ? sin_reduced(a.hi, a.lo) : cos_reduced(a.hi, a.lo);
    return a.quadrant < 2 ? y : -y;
}

// cos x by quadrant k of x = k pi/2 + r: cos r, -sin r, -cos r, sin r
double cos(double x) {
    if (!std::isfinite(x)) return kNaN;
    const ReducedAngle a = reduce_angle(x);
    const double y = a.quadrant % 2 == 0 ? cos_reduced(a.hi, a.lo) : sin_reduced(a.hi, a.lo);
    return a.quadrant == 1 || a.quadrant == 2 ? -y : y;
}

// tanh |x| = 1 - 2 / (e^2|x| + 1) from |x| = kTanhSwitch on, below = -t / (t + 2), t = e^-2|x| - 1 in
// double-double, the quotient q corrected by its residual (-t - q (t + 2)) / (t + 2); odd in x
double tanh(double x) {
    if (std::isnan(x)) return x;
    const double a = std::fabs(x);
    if (a > 22) return std::copysign(1.0, x);  // 1 - tanh 22 < 2^-54
    if (a >= kTanhSwitch) return std::copysign(1 - 2 / (pl::exp(2 * a) + 1), x);
    const TwoDoubles t = expm1_parts(-2 * a);
    const TwoDoubles d = fast_two_sum(2, t.hi);
    const double q = -t.hi / d.hi;
    const TwoDoubles qd = two_prod(q, d.hi);
    return std::copysign(q + ((((-t.hi - qd.hi) - qd.lo) - t.lo) - q * (d.lo + t.lo)) / d.hi, x);
}

// acos x = pi/2 - asin x for |x| <= 1/2; 2 asin sqrt((1 - x)/2) above; pi - 2 asin sqrt((1 + x)/2) below
double acos(double x) {
    if (std::isnan(x) || std::fabs(x) > 1) return kNaN;
    if (std::fabs(x) <= 0.5) return kPio2Hi - (x - (kPio2Lo - asin_minus_x(x)));
    if (x > 0) {
        const TwoDoubles y = twice_asin_sqrt((1 - x) / 2);  // 1 - x exact (Sterbenz)
        return y.hi + y.lo;
    }
    const TwoDoubles y = twice_asin_sqrt((1 + x) / 2);
    const TwoDoubles pi_minus_hi = two_sum(kPiHi, -y.hi);
    return pi_minus_hi.hi + (pi_minus_hi.lo - (y.lo - kPiLo));
}

// x^y = e^(y ln x), y ln x in double-double; integer y by repeated squaring; the C standard's special cases
double pow(double x, double y) {
    if (y == 0 || x == 1) return 1;
    if (std::isnan(x) || std::isnan(y)) return kNaN;
    if (std::isinf(y)) {
        if (std::fabs(x) == 1) return 1;
        return (std::fabs(x) > 1) == (y > 0) ? kInf : 0;
    }
    const bool integer = std::floor(y) == y;
    if (x == 0) return (y < 0 ? kInf : 0) * (std::signbit(x) && is_odd_integer(y) ? -1 : 1);
    if (std::signbit(x)) {  // (-x)^y = -(x^y) for odd y, x^y for even y, NaN otherwise
        if (!integer) return kNaN;
        const double magnitude = pow(-x, y);
        return is_odd_integer(y) ? -magnitude : magnitude;
    }
    if (std::isinf(x)) return y < 0 ? 0 : kInf;
    if (integer && std::fabs(y) < 0x1p31) {
        const double power = integer_power(x, int64_t(y));
        if (power != 0 && std::isfinite(power)) return power;
    }  // else 0 or inf in double-double: e^(y ln x) rounds to inf, a subnormal or 0
    const TwoDoubles ln = log_parts(x, 0);
    const double exponent = y * ln.hi;
    if (std::fabs(exponent) > 1000) return exponent > 0 ? kInf : 0;
    const TwoDoubles product = two_prod(y, ln.hi);
    return exp_parts(product.hi, product.lo + y * ln.lo);
}
}  // namespace pl
