#include "engine/spiking_net.h"
#include <cmath>
#include <utility>
#include "engine/random_matrix.h"

namespace pl {

SpikingNet::SpikingNet(std::unique_ptr<SpikingLayer> hidden_layer, std::unique_ptr<SpikingLayer> output_layer,
                       const Readout& readout_, double weight_scale, Rng& rng)
    : hidden_(std::move(hidden_layer)),
      output_(std::move(output_layer)),
      hidden(*hidden_),
      output(*output_),
      readout(readout_) {
    for (SpikingLayer* layer : {&hidden, &output})  // W ~ N(0, (weight_scale / sqrt(fan_in))^2)
        layer->W.value = normal_matrix(rng, layer->out(), layer->in(), weight_scale / std::sqrt(layer->in()));
    output.spike.spiking = readout.output_spikes;
}

Mat SpikingNet::forward(SpikeTrain input, int batch) {
    hidden.forward(std::move(input), batch);
    if (hidden.spike.smooth)  // the test-only smooth spikes are not 0/1 events
        output.forward(hidden.record.S, batch);
    else  // a few % of the hidden units spike per step: a sum of W's columns per spike, not the product W S
        output.forward(hidden.record.spike_train(), batch);
    return readout.logits(output);
}

void SpikingNet::backward(const Mat& dL_dlogits, const ActivityPenalty& penalty) {
    Mat dL_dS, dL_dU;
    readout.backward(output, dL_dlogits, dL_dS, dL_dU);
    const Mat& dL_dS_hidden = output.backward(dL_dS, dL_dU, true);  // W2^T times the output's drive adjoint
    if (penalty.l1 != 0 || penalty.l2 != 0)
        hidden.backward(dL_dS_hidden + penalty.grad(hidden).replicate(1, hidden.steps()), Mat(), false);
    else
        hidden.backward(dL_dS_hidden, Mat(), false);
}

}  // namespace pl
