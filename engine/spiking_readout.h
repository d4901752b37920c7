// Read-outs of a spiking output layer as class scores (logits) for a cross-entropy loss, chosen by name from
// a table, with their backward pass into the layer's voltages or spikes; an activity regulariser on counts.
#pragma once
#include "engine/spiking_layer.h"
#include "engine/table.h"

namespace pl {

struct Readout {
    bool output_spikes;  // the output layer spikes (spike count) or only integrates (S = 0, no reset)
    const char* winner;  // how a class wins, for plot titles
    Mat (*logits)(const SpikingLayer& out);  // out x batch, from the layer's last forward pass
    // dL/dlogits -> the dL/dS, dL/dU (out x (steps * batch)) that SpikingLayer::backward takes; the read-out
    // leaves the one it does not use empty
    void (*backward)(const SpikingLayer& out, const Mat& dL_dlogits, Mat& dL_dS, Mat& dL_dU);
};

// "max-voltage": logit_k = max_t U_k,t (mV), non-spiking output units (course 5.1, SpyTorch); its backward
// sends dL/dlogit to U at each unit's first arg-max step (the sub-gradient of max).
// "spike-count": logit_k = sum_t S_k,t, spiking output units (course 5.2); d(sum_t S_t)/dS_t = 1.
const Table<Readout>& readout_table();

Mat max_voltage(const SpikingLayer& layer);   // max_t U_t: out x batch
Mat spike_counts(const SpikingLayer& layer);  // c = sum_t S_t: out x batch

// R = l1 mean_b sum_i c_ib + l2 mean_i (mean_b c_ib)^2, with c_ib the spike count of neuron i on sample b
// (SpyTorch's L1 on all spikes + L2 on per-neuron counts, per sample so it does not grow with the batch).
struct ActivityPenalty {
    double l1 = 0;  // per spike
    double l2 = 0;  // per (spike per neuron)^2
    double value(const SpikingLayer& layer) const;
    // dR/dS_t, the same for every step t: out x batch. Added to the layer's dL_dS at every step.
    Mat grad(const SpikingLayer& layer) const;
};

}  // namespace pl
