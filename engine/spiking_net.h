// A feed-forward spiking classifier: input spike trains -> hidden spiking layer -> output spiking layer read
// out as logits (a Readout); BPTT through both layers, whatever their neuron model (SpikingLayer).
#pragma once
#include <memory>
#include <vector>
#include "engine/layer.h"
#include "engine/rng.h"
#include "engine/spiking_layer.h"
#include "engine/spiking_readout.h"

namespace pl {

class SpikingNet {
public:
    // Draws W ~ N(0, (weight_scale / sqrt(fan_in))^2) for both layers from rng; the output layer spikes
    // only when the read-out counts spikes.
    SpikingNet(std::unique_ptr<SpikingLayer> hidden_layer, std::unique_ptr<SpikingLayer> output_layer,
               const Readout& readout, double weight_scale, Rng& rng);

    Mat forward(SpikeTrain input, int batch);  // logits, classes x batch; records both layers
    // From dL/dlogits of the last forward (and an activity penalty on the hidden spikes): sets W.grad of
    // both layers. The hidden layer's spike derivative is its surrogate ("none": exactly zero).
    void backward(const Mat& dL_dlogits, const ActivityPenalty& penalty = {});
    std::vector<Param*> params() { return {&hidden.W, &output.W}; }

private:
    std::unique_ptr<SpikingLayer> hidden_, output_;  // owned; declared before the references below

public:
    SpikingLayer& hidden;
    SpikingLayer& output;
    Readout readout;
};

}  // namespace pl
