#include "engine/adex_neuron.h"
#include "engine/injected_current.h"
#include "engine/math.h"

namespace pl {

namespace {
constexpr double kMaxCurrent_pA = 1e6;  // larger injected currents are clamped (1 uA)
constexpr double kMaxExponent = 30;     // cap on (V - V_T)/Delta_T: exp(30) ~ 1e13, far past the runaway
}  // namespace

const std::vector<ModelParam>& adex_param_table() {
    const AdexParams d;  // the defaults
    static const std::vector<ModelParam> table = {
        {"adex_C", "pF", d.C_pF, 10, 1000, "membrane capacitance", {}},
        {"adex_g_L", "nS", d.g_L_nS, 1, 100, "leak conductance", {}},
        {"adex_E_L", "mV", d.E_L_mV, -90, -40, "leak reversal potential (rest)", {}},
        {"adex_V_T", "mV", d.V_T_mV, -70, -30, "threshold: where the exponential takes over", {}},
        {"adex_Delta_T", "mV", d.Delta_T_mV, 0.1, 10, "slope factor: how sharp the spike onset is", {}},
        {"adex_tau_w", "ms", d.tau_w_ms, 1, 1000, "adaptation time constant", {}},
        {"adex_a", "nS", d.a_nS, -20, 20, "subthreshold adaptation (w follows a (V - E_L))", {}},
        {"adex_b", "pA", d.b_pA, 0, 500, "spike-triggered adaptation: w jumps by b at a spike", {}},
        {"adex_V_r", "mV", d.V_r_mV, -90, -30, "reset potential after a spike", {}},
        {"adex_V_cut", "mV", d.V_cut_mV, -50, 30, "spike cut-off: V >= V_cut is a spike", {}},
    };
    return table;
}

AdexParams adex_params(const ParamLookup& value) {
    AdexParams p;
    p.C_pF = value("adex_C");
    p.g_L_nS = value("adex_g_L");
    p.E_L_mV = value("adex_E_L");
    p.V_T_mV = value("adex_V_T");
    p.Delta_T_mV = value("adex_Delta_T");
    p.tau_w_ms = value("adex_tau_w");
    p.a_nS = value("adex_a");
    p.b_pA = value("adex_b");
    p.V_r_mV = value("adex_V_r");
    p.V_cut_mV = value("adex_V_cut");
    return p;
}

namespace {

// One of Naud et al.'s patterns: the columns of their Table 1 (C, g_L, E_L, a, tau_w, b, V_r) and the step I
NeuronPreset naud(const char* name, const char* help, double C_pF, double g_L_nS, double E_L_mV, double a_nS,
                  double tau_w_ms, double b_pA, double V_r_mV, double I_pA) {
    return {name,
            help,
            {{"adex_C", C_pF},
             {"adex_g_L", g_L_nS},
             {"adex_E_L", E_L_mV},
             {"adex_V_T", -50},
             {"adex_Delta_T", 2},
             {"adex_tau_w", tau_w_ms},
             {"adex_a", a_nS},
             {"adex_b", b_pA},
             {"adex_V_r", V_r_mV},
             {"adex_V_cut", 0}},
            0,
            I_pA,
            0,
            600,
            0.1};  // Naud's Euler step
}

}  // namespace

const std::vector<NeuronPreset>& adex_presets() {
    static const std::vector<NeuronPreset> presets = {
        // name, help: C pF, g_L nS, E_L mV, a nS, tau_w ms, b pA, V_r mV, I pA (Naud et al. 2008, Table 1)
        naud("tonic", "Naud et al. 2008: tonic spiking (constant ISI)", 200, 10, -70, 2, 30, 0, -58, 500),
        naud("adapting", "Naud et al. 2008: adaptation (ISIs lengthen)", 200, 12, -70, 2, 300, 60, -58, 500),
        naud("initial-burst", "Naud et al. 2008: an initial burst, then single spikes", 130, 18, -58, 4, 150,
             120, -50, 400),
        naud("regular-bursting", "Naud et al. 2008: regular bursts", 200, 10, -58, 2, 120, 100, -46, 210),
        naud("delayed-accelerating", "Naud et al. 2008: a delayed first spike, then faster spikes", 200, 12,
             -70, -10, 300, 0, -58, 300),
        naud("delayed-regular-bursting", "Naud et al. 2008: a delayed first spike, then bursts", 100, 10, -65,
             -10, 90, 30, -47, 110),
        naud("transient", "Naud et al. 2008: spikes at the step's onset only", 100, 10, -65, 10, 90, 100, -47,
             180),
        naud("irregular", "Naud et al. 2008: irregular spiking (high ISI CV)", 100, 12, -60, -11, 130, 30,
             -48, 160),
    };
    return presets;
}

AdexNeurons::AdexNeurons(int n, const AdexParams& params) : PointNeurons(n), p(params) { reset(); }

void AdexNeurons::reset() {
    s.V = Eigen::ArrayXd::Constant(size(), p.E_L_mV);
    s.w = Eigen::ArrayXd::Zero(size());
    spiked.setZero();
}

Eigen::ArrayXd AdexNeurons::exp_term(const Eigen::ArrayXd& V) const {
    // g_L Delta_T exp((V - V_T)/Delta_T), the exponent capped
    return p.g_L_nS * p.Delta_T_mV * pl::exp(((V - p.V_T_mV) / p.Delta_T_mV).min(kMaxExponent));
}

void AdexNeurons::step(const Eigen::ArrayXd& I_pA, double dt_ms) {
    const Eigen::ArrayXd I = injected_current(I_pA, kMaxCurrent_pA);
    // C dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_T)/Delta_T) - w + I  (nS mV = pA; pA/pF = mV/ms)
    const Eigen::ArrayXd dV = (-p.g_L_nS * (s.V - p.E_L_mV) + exp_term(s.V) - s.w + I) / p.C_pF;
    const Eigen::ArrayXd dw =
        (p.a_nS * (s.V - p.E_L_mV) - s.w) / p.tau_w_ms;  // tau_w dw/dt = a (V - E_L) - w
    s.V += dt_ms * dV;
    s.w += dt_ms * dw;
    spiked = (s.V >= p.V_cut_mV).cast<double>();  // V >= V_cut: V <- V_r, w <- w + b
    s.V = (spiked > 0).select(p.V_r_mV, s.V);
    s.w += p.b_pA * spiked;
}

const std::vector<StateVariable>& AdexNeurons::variables() const {
    static const std::vector<StateVariable> vars = {{"V", "mV"}, {"w", "pA"}};
    return vars;
}

const Eigen::ArrayXd& AdexNeurons::variable(int k) const {
    const Eigen::ArrayXd* vars[] = {&s.V, &s.w};
    if (k < 0 || k > 1) throw std::out_of_range("adex has two variables, V and w");
    return *vars[k];
}

PhasePlane AdexNeurons::phase_plane(double I_pA, const Eigen::ArrayXd& V_mV) const {
    PhasePlane plane;
    plane.v = V_mV;
    plane.v_nullcline = -p.g_L_nS * (V_mV - p.E_L_mV) + exp_term(V_mV) + I_pA;  // dV/dt = 0
    plane.w_nullcline = p.a_nS * (V_mV - p.E_L_mV);                             // dw/dt = 0
    plane.reset_mV = p.V_r_mV;
    return plane;
}

std::unique_ptr<PointNeurons> make_adex_neurons(int n, const ParamLookup& value) {
    return std::make_unique<AdexNeurons>(n, adex_params(value));
}

}  // namespace pl
