#include "labs/neurons/neuron_run.h"
#include <algorithm>
#include <cmath>

namespace pl {

NeuronRun::NeuronRun(std::unique_ptr<PointNeurons> n, CurrentInput in, double duration_ms, double dt_ms)
    : neuron(std::move(n)),
      input(std::move(in)),
      dt_ms_(dt_ms),
      steps_(int(std::lround(duration_ms / dt_ms))) {
    neuron->reset();
    trace.variables = neuron->variables();
    trace.values.assign(trace.variables.size(), {});
    for (std::vector<double>& v : trace.values) v.reserve(size_t(steps_));
    trace.t_ms.reserve(size_t(steps_));
    trace.current.reserve(size_t(steps_));
}

void NeuronRun::advance(int steps) {
    for (const int end = std::min(steps_, step_ + steps); step_ < end; ++step_) {
        const double t_ms = step_ * dt_ms_;
        const Eigen::ArrayXd& I = input.at(t_ms, dt_ms_);
        neuron->step(I, dt_ms_);
        for (size_t k = 0; k < trace.values.size(); ++k)
            trace.values[k].push_back(neuron->variable(int(k))(0));
        trace.t_ms.push_back(t_ms + dt_ms_);
        trace.current.push_back(I(0));
        if (neuron->spiked(0) != 0) trace.spike_ms.push_back(t_ms + dt_ms_);
    }
}

SpikeSummary stimulus_summary(const std::vector<double>& spike_ms, const CurrentSettings& stimulus,
                              double run_ms) {
    const double end_ms = std::min(stimulus.offset_ms, run_ms);
    std::vector<double> during;
    for (double t : spike_ms)
        if (t > stimulus.onset_ms && t <= end_ms) during.push_back(t);
    return summarize_spikes(during, stimulus.onset_ms, end_ms);
}

SpikeSummary NeuronRun::summary() const {
    return stimulus_summary(trace.spike_ms, input.settings, steps_ * dt_ms_);
}

double NeuronRun::vmax_mV() const {
    const std::vector<double>& V = trace.values[0];
    return V.empty() ? std::nan("") : *std::max_element(V.begin(), V.end());
}

}  // namespace pl
