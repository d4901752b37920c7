#include "engine/spiking_readout.h"

namespace pl {

namespace {

void max_voltage_backward(const SpikingLayer& out, const Mat& dL_dlogits, Mat& dL_dS, Mat& dL_dU) {
    const SpikeRecord& r = out.record;
    dL_dS.resize(0, 0);
    dL_dU = Mat::Zero(r.U.rows(), r.U.cols());
    const auto U = r.over_time(r.U);
    auto dU = dL_dU.reshaped(U.rows(), U.cols());
    for (Eigen::Index k = 0; k < U.rows(); ++k) {  // d(max_t U_t)/dU_t = 1 at the first step at the max
        Eigen::Index first = 0;
        U.row(k).maxCoeff(&first);
        dU(k, first) = dL_dlogits.reshaped()(k);
    }
}

void spike_count_backward(const SpikingLayer& out, const Mat& dL_dlogits, Mat& dL_dS, Mat& dL_dU) {
    dL_dU.resize(0, 0);
    dL_dS = dL_dlogits.replicate(1, out.steps());  // d(sum_t S_t)/dS_t = 1
}

}  // namespace

Mat max_voltage(const SpikingLayer& layer) {
    const SpikeRecord& r = layer.record;
    return r.over_time(r.U).rowwise().maxCoeff().reshaped(layer.out(), r.batch);  // max_t U_t
}

Mat spike_counts(const SpikingLayer& layer) {
    const SpikeRecord& r = layer.record;
    return r.over_time(r.S).rowwise().sum().reshaped(layer.out(), r.batch);  // sum_t S_t
}

const Table<Readout>& readout_table() {
    static const Table<Readout> table(
        "read-out", {
                        {"max-voltage",
                         "each output unit's maximum voltage over time (non-spiking units)",
                         {false, "the class with the highest peak wins", max_voltage, max_voltage_backward}},
                        {"spike-count",
                         "each output unit's spike count",
                         {true, "the class with the most spikes wins", spike_counts, spike_count_backward}},
                    });
    return table;
}

double ActivityPenalty::value(const SpikingLayer& layer) const {
    const Mat c = spike_counts(layer);
    const double batch = double(c.cols());
    // l1 mean_b sum_i c_ib + l2 mean_i (mean_b c_ib)^2
    return l1 * c.sum() / batch + l2 * (c.rowwise().sum() / batch).squaredNorm() / double(c.rows());
}

Mat ActivityPenalty::grad(const SpikingLayer& layer) const {
    const Mat c = spike_counts(layer);
    const double batch = double(c.cols()), neurons = double(c.rows());
    const Vec mean_count = c.rowwise().sum() / batch;
    // dR/dc_ib = l1 / B + l2 * 2 mean_b(c_i) / (N B)
    const Vec per_neuron = (l1 + 2 * l2 * mean_count.array() / neurons).matrix() / batch;
    return per_neuron.replicate(1, c.cols());
}

}  // namespace pl
