// The leaky integrate-and-fire model with an alpha-shaped synaptic current, integrated by its exact
// propagator exp(A dt) (the dynamics are linear between spikes); its parameter table and its factory.
#pragma once
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/spiking_layer.h"

namespace pl {

// dH/dt = -H/tau_rise + sum W S_in;  dI/dt = -I/tau_syn + H;  dU/dt = -[(U - U_rest) - R (I + i_ext)]/tau_mem
// An input spike is an impulse: H jumps by W (or I jumps by W when tau_rise_ms = 0: no rise stage).
// The lab-facing fields' units, ranges and help are declared once, in lif_param_table().
struct LifParams {
    double tau_mem_ms = 10;          // membrane time constant
    double tau_syn_ms = 5;           // synaptic current decay
    double tau_rise_ms = 5;          // synaptic rise; 0 = the current jumps on a spike
    double R = 1;                    // membrane resistance
    double theta = 1;                // firing threshold
    bool subtractive_reset = false;  // false: U -> U_rest; true: U -> U - (theta - U_rest)
    double u_rest = 0;               // resting potential (mV)
    double i_ext = 0;                // constant injected current (the units of I)
};

// tau_mem, tau_syn, tau_rise, R, theta, reset: the Lab 5 parameters of the neuron, defaults from LifParams.
const std::vector<ModelParam>& lif_param_table();
LifParams lif_params(const ParamLookup& value);  // the table's values in a LifParams
std::unique_ptr<SpikingLayer> make_lif(int in, int out, const ParamLookup& value, double dt_ms);

// Each step t: (H, I, U - U_rest) <- Phi (H, I, U - U_rest) + c (exact: Phi = exp(A dt), c from i_ext),
// then add the drive's impulses, S_t = Heaviside(v_t), record U_t (before reset), S_t, I_t, then reset.
// The state starts at rest and is not propagated before step 0, so U_t is the solution at time t * dt.
// Backward: dS/dU = spike.grad(v) / (theta - U_rest), v = (U - theta) / (theta - U_rest); with
// spike.detach_reset, dU+/dU = 1 - S (reset to rest) or 1 (subtractive), as SpyTorch's (1 - S.detach()).
// Records the extra variable "I_syn" (the synaptic current, a.u.).
class LifLayer : public SpikingLayer {
public:
    LifLayer(int in, int out, const LifParams& params = {}, double dt_ms = kStepMs);
    double threshold_mV() const override { return p.theta; }
    Eigen::Matrix3d propagator() const;  // Phi = exp(A dt) acting on (H, I, U - U_rest)

    LifParams p;

protected:
    void simulate(const Mat& drive, int batch) override;
    void drive_adjoint(const Mat& dL_dS, const Mat& dL_dU, Mat& dL_dD) const override;

private:
    // v = (U - theta) / (theta - U_rest), an expression of U's shape
    template <class U>
    auto distance(const Eigen::MatrixBase<U>& U_t) const {
        return (U_t.array() - p.theta) / (p.theta - p.u_rest);
    }

    mutable Mat v_, dS_;  // v and dS/dv of a step in backward, kept so its steps allocate nothing new
};

}  // namespace pl
