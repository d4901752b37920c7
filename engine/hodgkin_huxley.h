// The Hodgkin-Huxley squid axon in the modern convention (rest about -65 mV), rates of NEURON's hh.mod
// (untabulated), integrated by exponential Euler (Rush-Larsen); current density in uA/cm^2.
#pragma once
#include <Eigen/Core>
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/point_neuron.h"

namespace pl {

// C dV/dt = -g_Na m^3 h (V - E_Na) - g_K n^4 (V - E_K) - g_L (V - E_L) + I;  dx/dt = alpha_x (1 - x) - beta_x
// x
struct HhParams {
    double g_Na_mS = 120;     // sodium conductance density (mS/cm^2)
    double g_K_mS = 36;       // potassium conductance density (mS/cm^2)
    double g_L_mS = 0.3;      // leak conductance density (mS/cm^2)
    double E_Na_mV = 50;      // sodium reversal
    double E_K_mV = -77;      // potassium reversal
    double E_L_mV = -54.387;  // leak reversal: 1952's 10.613 mV shifted by -65 mV
    double C_uF = 1;          // membrane capacitance (uF/cm^2)
    double celsius = 6.3;     // temperature (degC): the rates scale by q10 = 3^((celsius - 6.3)/10)
    double V_detect_mV = 0;   // a spike is an upward crossing of this voltage
    double q10() const;
};

// The arrays of N neurons: A is Eigen::ArrayXd, or HhOne for one neuron (fixed size: no heap, scalar code)
using HhOne = Eigen::Array<double, 1, 1>;

template <class A>
struct HhStateOf {
    A V, m, h, n;      // membrane potential (mV), gates
    A I_Na, I_K, I_L;  // ionic current densities g x (V - E) (uA/cm^2, outward positive)

    template <class B>  // element-wise copy from the other array type (no reallocation at equal sizes)
    HhStateOf& operator=(const HhStateOf<B>& o) {
        V = o.V;
        m = o.m;
        h = o.h;
        n = o.n;
        I_Na = o.I_Na;
        I_K = o.I_K;
        I_L = o.I_L;
        return *this;
    }
};
using HhState = HhStateOf<Eigen::ArrayXd>;

// The six rates (1/ms) at V (mV), times q10: NEURON hh.mod with vtrap(x, y) = x/(exp(x/y) - 1), whose
// removable singularity at x = 0 (V = -40 for m, -55 for n) takes its Taylor expansion y (1 - x/y/2) for
// |x/y| < 1e-6.
template <class A>
struct HhRatesOf {
    A alpha_m, beta_m, alpha_h, beta_h, alpha_n, beta_n;
};
using HhRates = HhRatesOf<Eigen::ArrayXd>;
template <class A>  // Eigen::ArrayXd or HhOne
HhRatesOf<A> hh_rates(const A& V_mV, double q10);

const std::vector<ModelParam>&
hh_param_table();  // hh_g_Na, hh_g_K, hh_g_L, hh_E_Na, hh_E_K, hh_E_L, hh_C, celsius
HhParams hh_params(const ParamLookup& value);

// The resting potential (mV): I_ion(V) = 0 with every gate at its steady state x_inf(V), by bisection.
double hh_rest_mV(const HhParams& p);

// Each step (exponential Euler, exact for each variable with the others frozen): the gates from the rates at
// the old V, x <- x_inf + (x - x_inf) exp(-dt (alpha + beta)); then V with the new gates,
// V <- V_inf + (V - V_inf) exp(-dt g_total / C). Accurate at dt 0.01 ms (the tests' dt); currents: non-finite
// -> 0, clamped to +-1000 uA/cm^2 (V stays finite: the rates are finite over the V that allows). One neuron
// steps on HhOne arrays (the lab's 1 s trace at 0.01 ms in ~10 ms), N on Eigen::ArrayXd: the same numbers.
class HodgkinHuxley : public PointNeurons {
public:
    HodgkinHuxley(int n, const HhParams& params = {});
    void reset() override;  // the steady state at rest: V = hh_rest_mV, x = x_inf(V)
    void step(const Eigen::ArrayXd& I_uA_cm2, double dt_ms) override;
    const std::vector<StateVariable>& variables() const override;  // V, m, h, n, I_Na, I_K, I_L
    const Eigen::ArrayXd& variable(int k) const override;
    double threshold_mV() const override { return p.V_detect_mV; }

    HhParams p;
    HhState s;
};

std::unique_ptr<PointNeurons> make_hodgkin_huxley(int n, const ParamLookup& value);

}  // namespace pl
