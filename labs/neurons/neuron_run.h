// One neuron of the chosen model driven by the chosen current for `duration`, recorded step by step (every
// state variable, the injected current, the spike times), in slices of work that each fit a frame.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "engine/current_input.h"
#include "engine/point_neuron.h"
#include "engine/spike_stats.h"

namespace pl {

struct NeuronTrace {
    std::vector<StateVariable> variables;     // as the model names them: [0] is V (mV)
    std::vector<std::vector<double>> values;  // values[k][step]: variable k after each step
    std::vector<double> t_ms;                 // the time at the end of each step
    std::vector<double> current;              // the injected current of each step (the model's unit)
    std::vector<double> spike_ms;             // when the neuron fired (the end of the step it fired in)
};

// The figures of a spike train under a stimulus: the spikes from onset to the stimulus's (or the run's) end.
SpikeSummary stimulus_summary(const std::vector<double>& spike_ms, const CurrentSettings& stimulus,
                              double run_ms);

class NeuronRun {
public:
    // `neuron` holds one neuron; the run lasts round(duration_ms / dt_ms) steps.
    NeuronRun(std::unique_ptr<PointNeurons> neuron, CurrentInput input, double duration_ms, double dt_ms);
    void advance(int steps);  // up to `steps` more steps (fewer at the end)
    bool done() const { return step_ >= steps_; }
    int steps_done() const { return step_; }
    int steps() const { return steps_; }
    double dt_ms() const { return dt_ms_; }
    // The run's figures so far (spike times from the stimulus onset until its end or the run's).
    SpikeSummary summary() const;
    double vmax_mV() const;

    std::unique_ptr<PointNeurons> neuron;
    CurrentInput input;
    NeuronTrace trace;

private:
    double dt_ms_;
    int step_ = 0, steps_ = 0;
};

}  // namespace pl
