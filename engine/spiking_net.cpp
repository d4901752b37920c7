#include "engine/spiking_net.h"
#include <cmath>
#include "engine/random_matrix.h"

namespace pl {

SpikingNet::SpikingNet(const SpikingNetShape& shape, const LifParams& neuron, Readout readout_, Rng& rng)
    : hidden(shape.inputs, shape.hidden, neuron),
      output(shape.hidden, shape.outputs, neuron),
      readout(readout_) {
    hidden.W.value =
        normal_matrix(rng, shape.hidden, shape.inputs, shape.weight_scale / std::sqrt(shape.inputs));
    output.W.value =
        normal_matrix(rng, shape.outputs, shape.hidden, shape.weight_scale / std::sqrt(shape.hidden));
    output.spiking = readout == Readout::SpikeCount;
}

Mat SpikingNet::forward(const SpikeTrain& input, int batch) {
    hidden.forward(input, batch);
    output.forward(hidden.S);
    return readout_logits(output, readout);
}

void SpikingNet::backward(const Mat& dL_dlogits, const ActivityPenalty& penalty) {
    std::vector<Mat> dL_dS, dL_dU;
    readout_backward(output, readout, dL_dlogits, dL_dS, dL_dU);
    std::vector<Mat> dL_dS_hidden = output.backward(dL_dS, dL_dU, true);  // W2^T times the output adjoint
    if (penalty.l1 != 0 || penalty.l2 != 0) {
        const Mat dR_dS = penalty.grad(hidden);
        for (Mat& g : dL_dS_hidden) g += dR_dS;
    }
    hidden.backward(dL_dS_hidden, {}, false);
}

}  // namespace pl
