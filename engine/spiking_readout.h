// Read-outs of a spiking output layer as class scores (logits) for a cross-entropy loss, their backward
// pass into the layer's per-step voltages or spikes, and an activity regulariser on spike counts.
#pragma once
#include <vector>
#include "engine/lif_layer.h"

namespace pl {

enum class Readout {
    MaxVoltage,  // logit_k = max_t U_k,t (mV): non-spiking output units (course 5.1, SpyTorch)
    SpikeCount,  // logit_k = sum_t S_k,t (spikes): spiking output units (course 5.2)
};

// Logits (out x batch) of the layer's last forward pass.
Mat readout_logits(const LifLayer& out, Readout readout);

// dL/dlogits -> the per-step gradients LifLayer::backward takes: into U at each unit's arg-max step
// (MaxVoltage, the sub-gradient of max), or into S at every step (SpikeCount). The other vector is empty.
void readout_backward(const LifLayer& out, Readout readout, const Mat& dL_dlogits, std::vector<Mat>& dL_dS,
                      std::vector<Mat>& dL_dU);

// R = l1 mean_b sum_i c_ib + l2 mean_i (mean_b c_ib)^2, with c_ib the spike count of neuron i on sample b
// (SpyTorch's L1 on all spikes + L2 on per-neuron counts, per sample so it does not grow with the batch).
struct ActivityPenalty {
    double l1 = 0;  // per spike
    double l2 = 0;  // per (spike per neuron)^2
    double value(const LifLayer& layer) const;
    // dR/dS_t, the same for every step t: out x batch. Added to the layer's dL_dS.
    Mat grad(const LifLayer& layer) const;
};

Mat spike_counts(const LifLayer& layer);  // c = sum_t S_t: out x batch

}  // namespace pl
