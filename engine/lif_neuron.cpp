#include "engine/lif_neuron.h"
#include <cmath>
#include "engine/injected_current.h"
#include "engine/math.h"

namespace pl {

namespace {
constexpr double kMaxCurrent_pA = 1e6;  // larger injected currents are clamped (1 uA)
}

const std::vector<ModelParam>& lif_neuron_param_table() {
    const LifNeuronParams d;  // the defaults
    static const std::vector<ModelParam> table = {
        {"lif_C_m", "pF", d.C_m_pF, 10, 1000, "membrane capacitance (R = tau_m / C_m)", {}},
        {"lif_tau_m", "ms", d.tau_m_ms, 1, 100, "membrane time constant", {}},
        {"lif_E_L", "mV", d.E_L_mV, -90, -40, "resting potential (leak reversal)", {}},
        {"lif_V_th", "mV", d.V_th_mV, -70, 0, "firing threshold", {}},
        {"lif_V_reset", "mV", d.V_reset_mV, -90, -40, "reset potential after a spike", {}},
        {"lif_t_ref", "ms", d.t_ref_ms, 0, 20, "absolute refractory period (V held at V_reset)", {}},
    };
    return table;
}

LifNeuronParams lif_neuron_params(const ParamLookup& value) {
    LifNeuronParams p;
    p.C_m_pF = value("lif_C_m");
    p.tau_m_ms = value("lif_tau_m");
    p.E_L_mV = value("lif_E_L");
    p.V_th_mV = value("lif_V_th");
    p.V_reset_mV = value("lif_V_reset");
    p.t_ref_ms = value("lif_t_ref");
    return p;
}

double lif_rate_hz(const LifNeuronParams& p, double I_pA) {
    const double V_inf = p.E_L_mV + p.R_GOhm() * I_pA;  // the voltage the current holds without threshold
    if (V_inf <= p.V_th_mV) return 0;
    // T = t_ref + tau_m ln((E_L + R I - V_reset)/(E_L + R I - V_th))
    const double T_ms = p.t_ref_ms + p.tau_m_ms * pl::log((V_inf - p.V_reset_mV) / (V_inf - p.V_th_mV));
    return 1000.0 / T_ms;
}

double lif_rate_hz_of(const ParamLookup& value, double I_pA) {
    return lif_rate_hz(lif_neuron_params(value), I_pA);
}

LifNeurons::LifNeurons(int n, const LifNeuronParams& params) : PointNeurons(n), p(params) { reset(); }

void LifNeurons::reset() {
    s.V = Eigen::ArrayXd::Constant(size(), p.E_L_mV);
    s.refractory = Eigen::ArrayXd::Zero(size());
    spiked.setZero();
}

void LifNeurons::step(const Eigen::ArrayXd& I_pA, double dt_ms) {
    const Eigen::ArrayXd I = injected_current(I_pA, kMaxCurrent_pA);
    // EXERCISE neurons.lif_propagator: The LIF exact update, threshold, reset, refractory period (1 point)
    // HINT: V_inf = E_L + R I is where V relaxes to; over dt it gets exp(-dt/tau_m) closer to V_inf.
    // HINT: a neuron with s.refractory > dt/2 stays at V_reset and counts its refractory time down by dt.
    // HINT: V >= V_th: spiked = 1, V <- V_reset, s.refractory = t_ref. Use Eigen's select(), not a loop.
    const Eigen::ArrayXd V_inf = p.E_L_mV + p.R_GOhm() * I;
    const Eigen::ArrayXd V_free =
        V_inf + (s.V - V_inf) * pl::exp(-dt_ms / p.tau_m_ms);     // exact for constant I
    const Eigen::ArrayX<bool> held = s.refractory > 0.5 * dt_ms;  // t_ref/dt whole steps at V_reset
    s.V = held.select(p.V_reset_mV, V_free);
    s.refractory = held.select(s.refractory - dt_ms, 0.0);
    spiked = (s.V >= p.V_th_mV).cast<double>();
    s.V = (spiked > 0).select(p.V_reset_mV, s.V);
    s.refractory = (spiked > 0).select(p.t_ref_ms, s.refractory);
    // END EXERCISE
}

const std::vector<StateVariable>& LifNeurons::variables() const {
    static const std::vector<StateVariable> vars = {{"V", "mV"}};
    return vars;
}

const Eigen::ArrayXd& LifNeurons::variable(int k) const {
    if (k != 0) throw std::out_of_range("lif has one variable, V");
    return s.V;
}

std::unique_ptr<PointNeurons> make_lif_neurons(int n, const ParamLookup& value) {
    return std::make_unique<LifNeurons>(n, lif_neuron_params(value));
}

}  // namespace pl
