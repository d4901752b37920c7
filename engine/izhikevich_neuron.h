// The Izhikevich 2003 simple model with the numerics of the paper's net.m (spike test first, two dt/2 Euler
// half-steps for v, one dt step for u), its (v, u) phase plane and the paper's seven cell classes as presets.
#pragma once
#include <Eigen/Core>
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/neuron_preset.h"
#include "engine/point_neuron.h"

namespace pl {

// dv/dt = 0.04 v^2 + 5 v + 140 - u + I;  du/dt = a (b v - u);  v >= 30 mV: v <- c, u <- u + d.
// v in mV, t in ms; u and I in the paper's units (mV/ms, "a.u.").
struct IzhikevichParams {
    double a = 0.02;  // recovery rate (1/ms)
    double b = 0.2;   // sensitivity of u to v (dimensionless)
    double c = -65;   // reset of v (mV)
    double d = 8;     // jump of u at a spike
};

struct IzhikevichState {
    Eigen::ArrayXd v;  // membrane potential (mV); shown clipped at the 30 mV peak in the step of a spike
    Eigen::ArrayXd u;  // recovery variable
};

const std::vector<ModelParam>& izhikevich_param_table();  // izh_a, izh_b, izh_c, izh_d
IzhikevichParams izhikevich_params(const ParamLookup& value);

// RS, IB, CH, FS, LTS (a step of 10), TC (held at -20 for 200 ms, then released: a rebound burst), RZ (a
// step of 0.2, below its rheobase: it rings at its ~40 ms subthreshold period; a pair of 1 ms pulses 40 ms
// apart fires it, 20 or 30 ms apart does not: see the tests); (a, b, c, d) of the paper's Fig. 2.
const std::vector<NeuronPreset>& izhikevich_presets();

// The resting potential at I = 0 (mV): the lower root of 0.04 v^2 + (5 - b) v + 140 = 0 (RS: -70 mV); -65 mV
// (net.m's start) when there is none.
double izhikevich_rest_mV(const IzhikevichParams& p);

// Each step: neurons with v >= 30 (the peak of the last step) reset (v <- c, u <- u + d); then
// v += dt/2 (0.04 v^2 + 5 v + 140 - u + I) twice, u += dt a (b v - u) with the new v; a neuron whose v
// reaches 30 spikes in this step (spiked = 1; v is shown as 30). At dt = 1 ms this is net.m exactly. Start:
// at rest, v = izhikevich_rest_mV, u = b v (net.m starts at v = -65 mV, not quite at rest). Currents:
// non-finite -> 0, clamped to +-1e4.
class IzhikevichNeurons : public PointNeurons {
public:
    IzhikevichNeurons(int n, const IzhikevichParams& params = {});
    void reset() override;
    void step(const Eigen::ArrayXd& I, double dt_ms) override;
    const std::vector<StateVariable>& variables() const override;  // V (mV), u
    const Eigen::ArrayXd& variable(int k) const override;
    double threshold_mV() const override { return kPeak_mV; }
    PhasePlane phase_plane(double I, const Eigen::ArrayXd& v_mV) const override;

    static constexpr double kPeak_mV = 30;  // the spike test v >= 30 mV
    IzhikevichParams p;
    IzhikevichState s;
};

std::unique_ptr<PointNeurons> make_izhikevich_neurons(int n, const ParamLookup& value);

}  // namespace pl
