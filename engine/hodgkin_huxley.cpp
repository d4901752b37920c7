#include "engine/hodgkin_huxley.h"
#include <cmath>
#include "engine/injected_current.h"
#include "engine/math.h"

namespace pl {

namespace {
constexpr double kMaxCurrent_uA_cm2 = 1000;  // larger injected currents are clamped
constexpr double kReferenceCelsius = 6.3;    // the temperature of the rates (q10 = 1)
constexpr double kQ10 = 3;                   // rate factor per 10 degC
}  // namespace

double HhParams::q10() const { return pl::pow(kQ10, (celsius - kReferenceCelsius) / 10); }

template <class A>
HhRatesOf<A> hh_rates(const A& V, double q10) {
    HhRatesOf<A> r;
    // EXERCISE neurons.hh_rates: The six Hodgkin-Huxley rate functions of hh.mod, with vtrap (2 points)
    // HINT: vtrap(x, y) = x / (exp(x/y) - 1) is 0/0 at x = 0; there use its Taylor expansion y (1 - x/y/2).
    // HINT: alpha_m = 0.1 vtrap(-(V+40), 10), beta_m = 4 exp(-(V+65)/18), alpha_h = 0.07 exp(-(V+65)/20),
    // HINT: beta_h = 1/(exp(-(V+35)/10) + 1), alpha_n = 0.01 vtrap(-(V+55), 10),
    // HINT: beta_n = 0.125 exp(-(V+65)/80); every rate is multiplied by q10.
    const auto vtrap = [](const A& x, double y) -> A {
        return ((x / y).abs() < 1e-6).select(y * (1 - x / y / 2), x / (pl::exp(x / y) - 1));
    };
    r.alpha_m = q10 * 0.1 * vtrap(-(V + 40), 10);
    r.beta_m = q10 * 4 * pl::exp(-(V + 65) / 18);
    r.alpha_h = q10 * 0.07 * pl::exp(-(V + 65) / 20);
    r.beta_h = q10 / (pl::exp(-(V + 35) / 10) + 1);
    r.alpha_n = q10 * 0.01 * vtrap(-(V + 55), 10);
    r.beta_n = q10 * 0.125 * pl::exp(-(V + 65) / 80);
    // END EXERCISE
    return r;
}
template HhRates hh_rates(const Eigen::ArrayXd& V, double q10);  // N neurons' (HhOne's: by hh_step below)

const std::vector<ModelParam>& hh_param_table() {
    const HhParams d;  // the defaults: the squid axon
    static const std::vector<ModelParam> table = {
        {"hh_g_Na", "mS/cm^2", d.g_Na_mS, 0, 240, "sodium conductance density", {}},
        {"hh_g_K", "mS/cm^2", d.g_K_mS, 0, 72, "potassium conductance density", {}},
        {"hh_g_L", "mS/cm^2", d.g_L_mS, 0.01, 3, "leak conductance density", {}},
        {"hh_E_Na", "mV", d.E_Na_mV, 0, 100, "sodium reversal potential", {}},
        {"hh_E_K", "mV", d.E_K_mV, -120, -50, "potassium reversal potential", {}},
        {"hh_E_L", "mV", d.E_L_mV, -90, -30, "leak reversal potential", {}},
        {"hh_C", "uF/cm^2", d.C_uF, 0.1, 10, "membrane capacitance", {}},
        {"celsius", "degC", d.celsius, 0, 40, "temperature: rates scale by 3^((celsius - 6.3)/10)", {}},
    };
    return table;
}

HhParams hh_params(const ParamLookup& value) {
    HhParams p;
    p.g_Na_mS = value("hh_g_Na");
    p.g_K_mS = value("hh_g_K");
    p.g_L_mS = value("hh_g_L");
    p.E_Na_mV = value("hh_E_Na");
    p.E_K_mV = value("hh_E_K");
    p.E_L_mV = value("hh_E_L");
    p.C_uF = value("hh_C");
    p.celsius = value("celsius");
    return p;
}

namespace {

// The ionic current at V with every gate at its steady state x_inf = alpha / (alpha + beta)
double steady_ionic_current(const HhParams& p, double V) {
    const HhRatesOf<HhOne> r = hh_rates(HhOne(V), 1);  // x_inf does not depend on q10
    const double m = r.alpha_m(0) / (r.alpha_m(0) + r.beta_m(0));
    const double h = r.alpha_h(0) / (r.alpha_h(0) + r.beta_h(0));
    const double n = r.alpha_n(0) / (r.alpha_n(0) + r.beta_n(0));
    return p.g_Na_mS * pl::pow(m, 3) * h * (V - p.E_Na_mV) + p.g_K_mS * pl::pow(n, 4) * (V - p.E_K_mV) +
           p.g_L_mS * (V - p.E_L_mV);
}

// The ionic currents of the state: g x (V - E)
template <class A>
void update_currents(HhStateOf<A>& s, const HhParams& p) {
    s.I_Na = p.g_Na_mS * s.m.cube() * s.h * (s.V - p.E_Na_mV);  // mS/cm^2 x mV = uA/cm^2
    s.I_K = p.g_K_mS * s.n.square().square() * (s.V - p.E_K_mV);
    s.I_L = p.g_L_mS * (s.V - p.E_L_mV);
}

}  // namespace

double hh_rest_mV(const HhParams& p) {
    double lo = -120, hi = 0;  // I_ion(lo) < 0 < I_ion(hi): outward K current dominates at 0 mV
    for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (lo + hi);
        (steady_ionic_current(p, mid) < 0 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

HodgkinHuxley::HodgkinHuxley(int n, const HhParams& params) : PointNeurons(n), p(params) { reset(); }

void HodgkinHuxley::reset() {
    s.V = Eigen::ArrayXd::Constant(size(), hh_rest_mV(p));
    const HhRates r = hh_rates(s.V, p.q10());
    s.m = r.alpha_m / (r.alpha_m + r.beta_m);  // x_inf = alpha / (alpha + beta)
    s.h = r.alpha_h / (r.alpha_h + r.beta_h);
    s.n = r.alpha_n / (r.alpha_n + r.beta_n);
    update_currents(s, p);
    spiked.setZero();
}

namespace {

// One step of every neuron of s under the injected current I (uA/cm^2, clamped); returns spiked (1 where V
// crossed V_detect upward). A: Eigen::ArrayXd (N neurons) or HhOne (one neuron); the code reads the same for
// both.
template <class A>
A hh_step(HhStateOf<A>& s, const HhParams& p, const A& I, double dt_ms) {
    const A V_old = s.V;
    // EXERCISE neurons.hh_step: One exponential-Euler (Rush-Larsen) step of Hodgkin-Huxley (2 points)
    // HINT: gates first, from r = hh_rates(s.V, p.q10()) at the old V: x <- x_inf + (x - x_inf) e^(-dt k),
    // HINT: with x_inf = alpha / (alpha + beta) and k = alpha + beta, for x = m, h, n.
    // HINT: then V with the new gates: g_total = g_Na m^3 h + g_K n^4 + g_L,
    // HINT: V_inf = (g_Na m^3 h E_Na + g_K n^4 E_K + g_L E_L + I) / g_total,
    // HINT: V <- V_inf + (V - V_inf) exp(-dt g_total / C).
    const HhRatesOf<A> r = hh_rates(s.V, p.q10());
    const auto relax = [dt_ms](A& x, const A& alpha, const A& beta) {
        const A x_inf = alpha / (alpha + beta);
        x = x_inf + (x - x_inf) * pl::exp(-dt_ms * (alpha + beta));  // dx/dt = alpha (1 - x) - beta x
    };
    relax(s.m, r.alpha_m, r.beta_m);
    relax(s.h, r.alpha_h, r.beta_h);
    relax(s.n, r.alpha_n, r.beta_n);
    const A g_Na = p.g_Na_mS * s.m.cube() * s.h;
    const A g_K = p.g_K_mS * s.n.square().square();
    const A g_total = g_Na + g_K + p.g_L_mS;
    const A V_inf = (g_Na * p.E_Na_mV + g_K * p.E_K_mV + p.g_L_mS * p.E_L_mV + I) / g_total;
    s.V = V_inf + (s.V - V_inf) * pl::exp(-dt_ms * g_total / p.C_uF);  // C dV/dt = -g_total (V - V_inf)
    // END EXERCISE
    update_currents(s, p);
    return (V_old < p.V_detect_mV && s.V >= p.V_detect_mV).template cast<double>();  // upward crossing
}

}  // namespace

void HodgkinHuxley::step(const Eigen::ArrayXd& I_uA_cm2, double dt_ms) {
    if (size() != 1) {
        spiked = hh_step(s, p, injected_current(I_uA_cm2, kMaxCurrent_uA_cm2), dt_ms);
        return;
    }
    HhStateOf<HhOne> one;  // one neuron: fixed-size arrays, no heap, ~4x faster than Eigen::ArrayXd of size 1
    one = s;
    spiked = hh_step(one, p, injected_current(HhOne(I_uA_cm2), kMaxCurrent_uA_cm2), dt_ms);
    s = one;
}

const std::vector<StateVariable>& HodgkinHuxley::variables() const {
    static const std::vector<StateVariable> vars = {
        {"V", "mV"},         {"m", ""},          {"h", ""},         {"n", ""},
        {"I_Na", "uA/cm^2"}, {"I_K", "uA/cm^2"}, {"I_L", "uA/cm^2"}};
    return vars;
}

const Eigen::ArrayXd& HodgkinHuxley::variable(int k) const {
    const Eigen::ArrayXd* vars[] = {&s.V, &s.m, &s.h, &s.n, &s.I_Na, &s.I_K, &s.I_L};
    if (k < 0 || k > 6) throw std::out_of_range("hh has seven variables: V, m, h, n, I_Na, I_K, I_L");
    return *vars[k];
}

std::unique_ptr<PointNeurons> make_hodgkin_huxley(int n, const ParamLookup& value) {
    return std::make_unique<HodgkinHuxley>(n, hh_params(value));
}

}  // namespace pl
