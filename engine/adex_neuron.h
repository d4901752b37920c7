// The adaptive exponential integrate-and-fire neuron (Brette & Gerstner 2005) by forward Euler with a spike
// cut-off, its (V, w) phase plane, and Naud et al. 2008's eight firing patterns as presets.
#pragma once
#include <Eigen/Core>
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/neuron_preset.h"
#include "engine/point_neuron.h"

namespace pl {

// C dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_T)/Delta_T) - w + I;  tau_w dw/dt = a (V - E_L) - w;
// V >= V_cut: a spike, V <- V_r, w <- w + b. Defaults: Brette & Gerstner's regular spiking (their 1 nA step).
struct AdexParams {
    double C_pF = 281;        // membrane capacitance
    double g_L_nS = 30;       // leak conductance
    double E_L_mV = -70.6;    // leak reversal (rest)
    double V_T_mV = -50.4;    // threshold slope factor's centre
    double Delta_T_mV = 2;    // slope factor (sharpness of the spike onset)
    double tau_w_ms = 144;    // adaptation time constant
    double a_nS = 4;          // subthreshold adaptation
    double b_pA = 80.5;       // spike-triggered adaptation
    double V_r_mV = -70.6;    // reset potential
    double V_cut_mV = -40.4;  // spike cut-off: V_T + 5 Delta_T in brian2's example
};

struct AdexState {
    Eigen::ArrayXd V;  // membrane potential (mV)
    Eigen::ArrayXd w;  // adaptation current (pA)
};

const std::vector<ModelParam>& adex_param_table();  // adex_C, adex_g_L, ..., adex_V_cut
AdexParams adex_params(const ParamLookup& value);

// Naud et al. 2008 (brian2's Naud_et_al_2008_adex_firing_patterns.py): tonic, adapting, initial-burst,
// regular-bursting, delayed-accelerating, delayed-regular-bursting, transient, irregular; V_T -50 mV,
// Delta_T 2 mV, V_cut 0 mV, a step from t = 0 (pA), 600 ms.
const std::vector<NeuronPreset>& adex_presets();

// Forward Euler at dt (Naud's 0.1 ms; the presets' patterns hold at 0.1 and 0.01 ms), both variables from the
// old state, then the cut-off. The exponent (V - V_T)/Delta_T is capped at 30 (V far past the runaway: the
// step crosses V_cut anyway), so nothing overflows; currents: non-finite -> 0, clamped to +-1e6 pA.
class AdexNeurons : public PointNeurons {
public:
    AdexNeurons(int n, const AdexParams& params = {});
    void reset() override;  // V = E_L, w = 0
    void step(const Eigen::ArrayXd& I_pA, double dt_ms) override;
    const std::vector<StateVariable>& variables() const override;  // V (mV), w (pA)
    const Eigen::ArrayXd& variable(int k) const override;
    double threshold_mV() const override { return p.V_T_mV; }
    PhasePlane phase_plane(double I_pA, const Eigen::ArrayXd& V_mV) const override;

    AdexParams p;
    AdexState s;

private:
    Eigen::ArrayXd exp_term(const Eigen::ArrayXd& V) const;  // g_L Delta_T exp((V - V_T)/Delta_T), capped
};

std::unique_ptr<PointNeurons> make_adex_neurons(int n, const ParamLookup& value);

}  // namespace pl
