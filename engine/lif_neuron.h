// The current-based leaky integrate-and-fire point neuron (NEST iaf_psc-like defaults): exact propagator for
// a current held constant over a step, absolute refractory period, and its closed-form f-I curve.
#pragma once
#include <Eigen/Core>
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/point_neuron.h"

namespace pl {

// tau_m dV/dt = -(V - E_L) + R I, R = tau_m / C_m; V >= V_th: a spike, V <- V_reset, held there for t_ref.
struct LifNeuronParams {
    double C_m_pF = 250;                                 // membrane capacitance
    double tau_m_ms = 10;                                // membrane time constant
    double E_L_mV = -65;                                 // resting (leak reversal) potential
    double V_th_mV = -50;                                // firing threshold
    double V_reset_mV = -65;                             // reset potential
    double t_ref_ms = 2;                                 // absolute refractory period (V clamped at V_reset)
    double R_GOhm() const { return tau_m_ms / C_m_pF; }  // ms / pF = GOhm; GOhm * pA = mV
};

struct LifNeuronState {
    Eigen::ArrayXd V;           // membrane potential (mV)
    Eigen::ArrayXd refractory;  // time left in the refractory period (ms), 0 when free
};

const std::vector<ModelParam>& lif_neuron_param_table();  // lif_C_m, lif_tau_m, lif_E_L, lif_V_th, ...
LifNeuronParams lif_neuron_params(const ParamLookup& value);

// The closed-form rate (Hz) under a constant current I (pA): 1/T with
// T = t_ref + tau_m ln((E_L + R I - V_reset)/(E_L + R I - V_th)); 0 at or below the rheobase (V_th - E_L)/R.
double lif_rate_hz(const LifNeuronParams& p, double I_pA);
double lif_rate_hz_of(const ParamLookup& value, double I_pA);  // the same at the lab's lif_* values

// Each step: neurons out of their refractory period follow the exact update for I held over dt,
// V <- E_L + R I + (V - E_L - R I) exp(-dt/tau_m); V >= V_th spikes in this step (no interpolation), resets
// to V_reset and stays there for t_ref (t_ref/dt whole steps, so an ISI is t_ref plus the integration steps
// to threshold: the measured rate is the closed form's within dt/T). Currents: non-finite -> 0, clamped to
// +-1e6 pA.
class LifNeurons : public PointNeurons {
public:
    LifNeurons(int n, const LifNeuronParams& params = {});
    void reset() override;
    void step(const Eigen::ArrayXd& I_pA, double dt_ms) override;
    const std::vector<StateVariable>& variables() const override;
    const Eigen::ArrayXd& variable(int k) const override;
    double threshold_mV() const override { return p.V_th_mV; }

    LifNeuronParams p;
    LifNeuronState s;
};

std::unique_ptr<PointNeurons> make_lif_neurons(int n, const ParamLookup& value);

}  // namespace pl
