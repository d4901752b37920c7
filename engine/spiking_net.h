// A feed-forward spiking classifier: input spike trains -> LIF hidden layer -> LIF output layer read out
// as logits (max voltage or spike count); BPTT through both layers with the hidden layer's surrogate.
#pragma once
#include <vector>
#include "engine/layer.h"
#include "engine/lif_layer.h"
#include "engine/rng.h"
#include "engine/spiking_readout.h"

namespace pl {

struct SpikingNetShape {
    int inputs = 784, hidden = 100, outputs = 10;
    double weight_scale = 1;  // W ~ N(0, (weight_scale / sqrt(fan_in))^2)
};

class SpikingNet {
public:
    // The output layer spikes only for the spike-count read-out. Weights are drawn from rng.
    SpikingNet(const SpikingNetShape& shape, const LifParams& neuron, Readout readout, Rng& rng);

    Mat forward(const SpikeTrain& input, int batch);  // logits, classes x batch; records every U and S
    // From dL/dlogits of the last forward (and an activity penalty on the hidden spikes): sets W.grad of
    // both layers. The hidden layer's spike derivative is its surrogate (Surrogate::None: exactly zero).
    void backward(const Mat& dL_dlogits, const ActivityPenalty& penalty = {});
    std::vector<Param*> params() { return {&hidden.W, &output.W}; }

    LifLayer hidden, output;
    Readout readout;
};

}  // namespace pl
