// A published firing pattern of a point-neuron model: its parameter values (keys of the model's parameter
// table), the current step that shows it (in the model's current unit) and the run length; a lab's preset.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace pl {

// The stimulus: base_current until step_start_ms, then step_current until run_ms.
struct NeuronPreset {
    std::string name;                                    // "tonic", "RS"
    std::string help;                                    // one line: the pattern and its source
    std::vector<std::pair<std::string, double>> values;  // parameter table key -> value
    double base_current = 0;                             // before the onset (the model's current unit)
    double step_current = 0;                             // from the onset on (the model's current unit)
    double step_start_ms = 0;                            // the onset
    double run_ms = 600;                                 // how long to run to see the pattern
    double dt_ms = 0.1;                                  // the step the pattern is tested at
};

}  // namespace pl
