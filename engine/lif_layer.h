// A layer of LIF neurons with alpha-shaped synaptic current, simulated for T steps on a batch and
// trained by BPTT with a surrogate spike derivative: forward records U, S; backward sets W.grad.
#pragma once
#include <vector>
#include "engine/layer.h"
#include "engine/spike_encoding.h"
#include "engine/spike_function.h"
#include "engine/tensor.h"

namespace pl {

// dH/dt = -H/tau_rise + sum W S_in;  dI/dt = -I/tau_syn + H;  dU/dt = -[(U - U_rest) - R (I + i_ext)]/tau_mem
// An input spike is an impulse: H jumps by W (or I jumps by W when tau_rise_ms = 0: no rise stage).
struct LifParams {
    double dt_ms = 1;                // step (ms)
    double tau_mem_ms = 10;          // membrane time constant (ms)
    double tau_syn_ms = 5;           // synaptic current decay (ms)
    double tau_rise_ms = 5;          // synaptic rise (ms); 0 = the current jumps on a spike
    double R = 1;                    // membrane resistance (mV per unit current)
    double u_rest = 0;               // resting potential (mV)
    double theta = 1;                // firing threshold (mV)
    double i_ext = 0;                // constant injected current (same units as I)
    bool subtractive_reset = false;  // false: U -> U_rest; true: U -> U - (theta - U_rest)
    bool detach_reset = true;        // true: the reset's dependence on S is not differentiated (SpyTorch)
};

// Each step t: (H, I, U - U_rest) <- Phi (H, I, U - U_rest) + c (exact: Phi = exp(A dt), c from i_ext),
// then add the input impulses, S_t = Heaviside(U_t - theta), record U_t (before reset), S_t, then reset.
// The state starts at rest and is not propagated before step 0, so U_t is the solution at time t * dt.
class LifLayer {
public:
    LifLayer(int in, int out, const LifParams& params = {});

    void forward(const std::vector<Mat>& s_in);         // s_in[t]: in x B, dense 0/1 (or smooth) spikes
    void forward(const SpikeTrain& events, int batch);  // event-driven: sums the W columns of active inputs

    // BPTT. dL_dS[t], dL_dU[t]: out x B, or an empty vector for all zero. Sets W.grad; returns dL/ds_in[t]
    // (in x B per step, W^T times the adjoint of the input impulse), or nothing when input_grad is false.
    // Spike derivative: dS/dU = surrogate_grad(v) / (theta - U_rest), v = (U - theta) / (theta - U_rest).
    // With detach_reset, dU+/dU = 1 - S (reset to rest) or 1 (subtractive), as SpyTorch's (1 - S.detach()).
    std::vector<Mat> backward(const std::vector<Mat>& dL_dS, const std::vector<Mat>& dL_dU,
                              bool input_grad = true);

    Eigen::Matrix3d propagator() const;  // Phi = exp(A dt) acting on (H, I, U - U_rest)
    int in() const { return int(W.value.cols()); }
    int out() const { return int(W.value.rows()); }
    int steps() const { return int(U.size()); }

    LifParams p;
    Param W;  // value: out x in (weights); grad: set by backward
    Surrogate surrogate = Surrogate::FastSigmoid;
    double steepness = 10;  // beta of FastSigmoid, k of Logistic
    bool spiking = true;  // false: a leaky integrator read-out (S = 0, no reset), as SpyTorch's output layer
    bool smooth_spikes = false;  // test only: S = s(k v) forward and its exact derivative in backward

    std::vector<Mat> U;      // membrane potential per step (mV), before reset, out x B
    std::vector<Mat> S;      // output spikes per step, out x B
    std::vector<Mat> I_syn;  // synaptic current per step, out x B

private:
    template <class Drive>
    void simulate(int steps, int batch, Drive drive);
    Mat spike_of(const Mat& U_t) const;       // S from U (mV)
    Mat spike_grad_of(const Mat& U_t) const;  // dS/dU from U (mV)
    std::vector<Mat> dense_in_;
    SpikeTrain events_in_;
    bool event_input_ = false;
};

}  // namespace pl
