#include "labs/neurons/fi_sweep.h"
#include <algorithm>
#include <cmath>
#include "labs/neurons/neuron_run.h"

namespace pl {

FiSweep::FiSweep(std::unique_ptr<PointNeurons> n, CurrentInput in, double duration_ms, double dt_ms)
    : neurons(std::move(n)),
      input(std::move(in)),
      spike_ms(size_t(neurons->size())),
      dt_ms_(dt_ms),
      steps_(int(std::lround(duration_ms / dt_ms))) {
    neurons->reset();
}

void FiSweep::advance(int steps) {
    for (const int end = std::min(steps_, step_ + steps); step_ < end; ++step_) {
        const double t_ms = step_ * dt_ms_;
        neurons->step(input.at(t_ms, dt_ms_), dt_ms_);
        for (int i = 0; i < neurons->size(); ++i)
            if (neurons->spiked(i) != 0) spike_ms[size_t(i)].push_back(t_ms + dt_ms_);
    }
}

std::vector<SpikeSummary> FiSweep::summaries() const {
    std::vector<SpikeSummary> out;
    for (const std::vector<double>& spikes : spike_ms)
        out.push_back(stimulus_summary(spikes, input.settings, steps_ * dt_ms_));
    return out;
}

FiMarks FiSweep::marks() const {
    std::vector<double> current(input.amplitude.begin(), input.amplitude.end()), rate;
    std::vector<int> count;
    for (const SpikeSummary& s : summaries()) count.push_back(s.spike_count), rate.push_back(s.rate_hz);
    return fi_marks(current, count, rate);
}

}  // namespace pl
