#include "engine/spiking_readout.h"

namespace pl {

Mat spike_counts(const LifLayer& layer) {
    Mat c = Mat::Zero(layer.out(), layer.S.empty() ? 0 : layer.S[0].cols());
    for (const Mat& s : layer.S) c += s;
    return c;
}

Mat readout_logits(const LifLayer& out, Readout readout) {
    if (readout == Readout::SpikeCount) return spike_counts(out);
    Mat logits = out.U.front();
    for (const Mat& u : out.U) logits = logits.cwiseMax(u);  // max_t U_t
    return logits;
}

void readout_backward(const LifLayer& out, Readout readout, const Mat& dL_dlogits, std::vector<Mat>& dL_dS,
                      std::vector<Mat>& dL_dU) {
    const int steps = out.steps();
    dL_dS.clear();
    dL_dU.clear();
    if (readout == Readout::SpikeCount) {
        dL_dS.assign(size_t(steps), dL_dlogits);  // d(sum_t S_t)/dS_t = 1
        return;
    }
    // d(max_t U_t)/dU_t = 1 at the first step that attains the max, 0 elsewhere
    const Mat logits = readout_logits(out, readout);
    Eigen::ArrayXXi taken = Eigen::ArrayXXi::Zero(logits.rows(), logits.cols());
    dL_dU.assign(size_t(steps), Mat::Zero(logits.rows(), logits.cols()));
    for (int t = 0; t < steps; ++t) {
        const Eigen::ArrayXXi at_max = (out.U[size_t(t)].array() == logits.array()).cast<int>() * (1 - taken);
        dL_dU[size_t(t)] = dL_dlogits.cwiseProduct(at_max.cast<double>().matrix());
        taken += at_max;
    }
}

double ActivityPenalty::value(const LifLayer& layer) const {
    const Mat c = spike_counts(layer);
    const double batch = double(c.cols());
    // l1 mean_b sum_i c_ib + l2 mean_i (mean_b c_ib)^2
    return l1 * c.sum() / batch + l2 * (c.rowwise().sum() / batch).squaredNorm() / double(c.rows());
}

Mat ActivityPenalty::grad(const LifLayer& layer) const {
    const Mat c = spike_counts(layer);
    const double batch = double(c.cols()), neurons = double(c.rows());
    const Vec mean_count = c.rowwise().sum() / batch;
    // dR/dc_ib = l1 / B + l2 * 2 mean_b(c_i) / (N B)
    const Vec per_neuron = (l1 + 2 * l2 * mean_count.array() / neurons).matrix() / batch;
    return per_neuron.replicate(1, c.cols());
}

}  // namespace pl
