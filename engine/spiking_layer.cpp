#include "engine/spiking_layer.h"
#include <stdexcept>
#include <utility>

namespace pl {

const Mat& SpikeRecord::variable(const std::string& name) const {
    if (name == "U") return U;
    if (name == "S") return S;
    for (const NamedTrace& trace : extra)
        if (trace.name == name) return trace.value;
    std::string valid;
    for (const std::string& n : variable_names()) valid += (valid.empty() ? "" : ", ") + n;
    throw std::invalid_argument("no recorded variable '" + name + "'; valid: " + valid);
}

SpikeTrain SpikeRecord::spike_train() const {
    SpikeTrain train(static_cast<size_t>(steps()));
    const int neurons = int(S.rows());
    const Real* s = S.data();  // column by column: step, then sample, then neuron
    for (size_t t = 0; t < train.size(); ++t)
        for (int b = 0; b < batch; ++b)
            for (int n = 0; n < neurons; ++n, ++s)
                if (*s != 0) train[t].push_back({n, b});
    return train;
}

std::vector<std::string> SpikeRecord::variable_names() const {
    std::vector<std::string> names = {"U", "S"};
    for (const NamedTrace& trace : extra) names.push_back(trace.name);
    return names;
}

SpikingLayer::SpikingLayer(int in, int out, double dt_ms)
    : W{"W", Mat::Zero(out, in), Mat::Zero(out, in)}, dt_ms_(dt_ms) {}

void SpikingLayer::forward(SpikeTrain events, int batch) {
    events_in_ = std::move(events);
    dense_in_.resize(0, 0);
    drive_.setZero(out(), Eigen::Index(events_in_.size()) * batch);
    for (size_t t = 0; t < events_in_.size(); ++t)  // D_t = sum of W's columns of the inputs spiking at t
        for (const SpikeEvent& e : events_in_[t])
            drive_.col(Eigen::Index(t) * batch + e.sample) += W.value.col(e.input);
    simulate(drive_, batch);
}

void SpikingLayer::forward(const Mat& s_in, int batch) {
    events_in_.clear();
    dense_in_ = s_in;
    drive_.noalias() = W.value * s_in;  // D = W s_in, every step at once
    simulate(drive_, batch);
}

const Mat& SpikingLayer::backward(const Mat& dL_dS, const Mat& dL_dU, bool input_grad) {
    drive_adjoint(dL_dS, dL_dU, drive_grad_);
    const Mat& g = drive_grad_;  // dL/dD
    const int batch = record.batch;
    if (dense_in_.size() > 0) {
        W.grad.noalias() = g * dense_in_.transpose();  // dW = dL/dD s_in^T
    } else {
        W.grad.setZero(out(), in());
        for (size_t t = 0; t < events_in_.size(); ++t)
            for (const SpikeEvent& e : events_in_[t])
                W.grad.col(e.input) += g.col(Eigen::Index(t) * batch + e.sample);
    }
    if (input_grad)  // dL/ds_in = W^T dL/dD
        input_grad_.noalias() = W.value.transpose() * g;
    else
        input_grad_.resize(0, 0);
    return input_grad_;
}

}  // namespace pl
