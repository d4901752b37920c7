// The f-I curve: one neuron per current, all stepped together (a population of N neurons of the model), each
// under the same waveform with its own amplitude; the steady rate, spike count and latency per current.
#pragma once
#include <memory>
#include <vector>
#include "engine/current_input.h"
#include "engine/point_neuron.h"
#include "engine/spike_stats.h"

namespace pl {

class FiSweep {
public:
    // `neurons` holds one neuron per value of input.amplitude; the sweep lasts round(duration_ms / dt_ms)
    // steps.
    FiSweep(std::unique_ptr<PointNeurons> neurons, CurrentInput input, double duration_ms, double dt_ms);
    void advance(int steps);  // up to `steps` more steps (fewer at the end)
    bool done() const { return step_ >= steps_; }
    double progress() const { return steps_ > 0 ? double(step_) / steps_ : 1; }
    int size() const { return neurons->size(); }
    std::vector<SpikeSummary> summaries() const;  // per current, in the order of input.amplitude
    FiMarks marks() const;

    std::unique_ptr<PointNeurons> neurons;
    CurrentInput input;
    std::vector<std::vector<double>> spike_ms;  // spike_ms[i]: neuron i's spike times

private:
    double dt_ms_;
    int step_ = 0, steps_ = 0;
};

}  // namespace pl
