#include "engine/izhikevich_neuron.h"
#include <cmath>
#include "engine/injected_current.h"

namespace pl {

namespace {
constexpr double kMaxCurrent = 1e4;  // larger injected currents are clamped
constexpr double kStart_mV = -65;    // net.m's initial v, where the model has no resting state
}  // namespace

const std::vector<ModelParam>& izhikevich_param_table() {
    const IzhikevichParams d;  // the defaults: regular spiking
    static const std::vector<ModelParam> table = {
        {"izh_a", "1/ms", d.a, 0.001, 0.2, "a: recovery rate of u", {}},
        {"izh_b", "", d.b, -0.5, 0.5, "b: sensitivity of u to v (u' = a (b v - u))", {}},
        {"izh_c", "mV", d.c, -80, -40, "c: reset of v after a spike", {}},
        {"izh_d", "", d.d, -5, 10, "d: jump of u after a spike", {}},
    };
    return table;
}

IzhikevichParams izhikevich_params(const ParamLookup& value) {
    IzhikevichParams p;
    p.a = value("izh_a");
    p.b = value("izh_b");
    p.c = value("izh_c");
    p.d = value("izh_d");
    return p;
}

namespace {

// A step of I from 10 ms for 300 ms (RS, IB, CH, FS, LTS: the paper's Fig. 2 at I = 10), at dt 0.1 ms:
// net.m's 1 ms keeps RS, IB and CH but makes FS and LTS fire irregularly
NeuronPreset cell(const char* name, const char* help, double a, double b, double c, double d, double I) {
    return {name, help, {{"izh_a", a}, {"izh_b", b}, {"izh_c", c}, {"izh_d", d}}, 0, I, 10, 300, 0.1};
}

}  // namespace

const std::vector<NeuronPreset>& izhikevich_presets() {
    static const std::vector<NeuronPreset> presets = {
        // name, help, a, b, c, d (Izhikevich 2003, Fig. 2), step current
        cell("RS", "regular spiking: tonic spikes that adapt", 0.02, 0.2, -65, 8, 10),
        cell("IB", "intrinsically bursting: an initial burst, then single spikes", 0.02, 0.2, -55, 4, 10),
        cell("CH", "chattering: repeated high-frequency bursts", 0.02, 0.2, -50, 2, 10),
        cell("FS", "fast spiking: high rate, no adaptation", 0.1, 0.2, -65, 2, 10),
        cell("LTS", "low-threshold spiking: high rate that adapts", 0.02, 0.25, -65, 2, 10),
        // TC: held at -20 (v near -85 mV) for 200 ms, then released: a rebound burst
        {"TC",
         "thalamo-cortical: a rebound burst on release from hyperpolarisation",
         {{"izh_a", 0.02}, {"izh_b", 0.25}, {"izh_c", -65}, {"izh_d", 0.05}},
         -20,
         0,
         200,
         400,
         0.1},
        // RZ: a step just below its rheobase rings at its ~40 ms subthreshold period; its resonance to pulse
        // pairs is in the tests
        cell("RZ", "resonator: a small step rings at its ~40 ms subthreshold period", 0.1, 0.26, -65, 2, 0.2),
    };
    return presets;
}

IzhikevichNeurons::IzhikevichNeurons(int n, const IzhikevichParams& params) : PointNeurons(n), p(params) {
    reset();
}

double izhikevich_rest_mV(const IzhikevichParams& p) {
    // 0.04 v^2 + (5 - b) v + 140 = 0 (v' = 0 on u = b v): the lower root is the stable rest
    const double disc = (5 - p.b) * (5 - p.b) - 4 * 0.04 * 140;
    return disc >= 0 ? (-(5 - p.b) - std::sqrt(disc)) / (2 * 0.04) : kStart_mV;
}

void IzhikevichNeurons::reset() {
    s.v = Eigen::ArrayXd::Constant(size(), izhikevich_rest_mV(p));
    s.u = p.b * s.v;
    spiked.setZero();
}

void IzhikevichNeurons::step(const Eigen::ArrayXd& I_in, double dt_ms) {
    const Eigen::ArrayXd I = injected_current(I_in, kMaxCurrent);
    // EXERCISE neurons.izhikevich_update: net.m's step: spike test, two v half-steps, one u step (2 points)
    // HINT: first reset the neurons whose v reached 30 mV in the last step: v <- c, u <- u + d.
    // HINT: then v += (dt/2) (0.04 v^2 + 5 v + 140 - u + I), twice, and u += dt a (b v - u) with the new v.
    // HINT: spiked = 1 where v >= 30 now; store v as at most 30 (the peak), so the next step resets it.
    const Eigen::ArrayX<bool> fired = s.v >= kPeak_mV;  // v >= 30: v <- c, u <- u + d
    s.v = fired.select(p.c, s.v);
    s.u = fired.select(s.u + p.d, s.u);
    for (int half = 0; half < 2; ++half)  // v' = 0.04 v^2 + 5 v + 140 - u + I, two dt/2 Euler steps
        s.v += 0.5 * dt_ms * (0.04 * s.v.square() + 5 * s.v + 140 - s.u + I);
    s.u += dt_ms * p.a * (p.b * s.v - s.u);  // u' = a (b v - u)
    spiked = (s.v >= kPeak_mV).cast<double>();
    s.v = s.v.min(kPeak_mV);
    // END EXERCISE
}

const std::vector<StateVariable>& IzhikevichNeurons::variables() const {
    static const std::vector<StateVariable> vars = {{"V", "mV"}, {"u", ""}};
    return vars;
}

const Eigen::ArrayXd& IzhikevichNeurons::variable(int k) const {
    const Eigen::ArrayXd* vars[] = {&s.v, &s.u};
    if (k < 0 || k > 1) throw std::out_of_range("izhikevich has two variables, V and u");
    return *vars[k];
}

PhasePlane IzhikevichNeurons::phase_plane(double I, const Eigen::ArrayXd& v_mV) const {
    PhasePlane plane;
    plane.v = v_mV;
    plane.v_nullcline = 0.04 * v_mV.square() + 5 * v_mV + 140 + I;  // dv/dt = 0
    plane.w_nullcline = p.b * v_mV;                                 // du/dt = 0
    plane.reset_mV = p.c;
    return plane;
}

std::unique_ptr<PointNeurons> make_izhikevich_neurons(int n, const ParamLookup& value) {
    return std::make_unique<IzhikevichNeurons>(n, izhikevich_params(value));
}

}  // namespace pl
