// Shared by the point-neuron tests: spike times of PointNeurons under a current given as a function of time
// and a classifier of firing patterns (Naud et al. 2008's eight) from spike times.
#pragma once
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <string>
#include <vector>
#include "engine/neuron_preset.h"
#include "engine/point_neuron.h"
#include "engine/spike_stats.h"

namespace pl {

// Resets the neurons and runs them for run_ms at dt_ms under I(t) (one value per neuron at the step's start
// t); each neuron's spike times (ms): the end of the step in which it spiked.
inline std::vector<std::vector<double>> spike_times(PointNeurons& neurons,
                                                    const std::function<Eigen::ArrayXd(double t_ms)>& I,
                                                    double dt_ms, double run_ms) {
    neurons.reset();
    std::vector<std::vector<double>> times(neurons.size());
    const long steps = std::lround(run_ms / dt_ms);
    for (long k = 0; k < steps; ++k) {
        neurons.step(I(k * dt_ms), dt_ms);
        for (int i = 0; i < neurons.size(); ++i)
            if (neurons.spiked(i) > 0) times[i].push_back((k + 1) * dt_ms);
    }
    return times;
}

// One neuron (of neurons.size() == 1) under a scalar current I(t)
inline std::vector<double> spike_times(PointNeurons& neuron, const std::function<double(double t_ms)>& I,
                                       double dt_ms, double run_ms) {
    return spike_times(
        neuron, [&](double t) { return Eigen::ArrayXd::Constant(1, I(t)); }, dt_ms, run_ms)[0];
}

// The stimulus of a preset: base_current before step_start_ms, step_current after
inline std::function<double(double)> preset_current(const NeuronPreset& preset) {
    return
        [preset](double t) { return t < preset.step_start_ms ? preset.base_current : preset.step_current; };
}

inline ParamLookup preset_lookup(const std::vector<ModelParam>& table, const NeuronPreset& preset) {
    return [table, preset](const std::string& name) {
        for (const auto& kv : preset.values)
            if (kv.first == name) return kv.second;
        return defaults_of(table)(name);
    };
}

inline double mean_of(const std::vector<double>& x) {
    return std::accumulate(x.begin(), x.end(), 0.0) / double(x.size());
}

// Bimodal ISIs: repeated short ISIs (inside bursts) and repeated long ones (between bursts), the long ones at
// least 8x the short ones (an irregular train's ISIs spread over a narrower range)
inline bool bursts(const std::vector<double>& isi) {
    if (isi.size() < 4) return false;
    const double lo = *std::min_element(isi.begin(), isi.end()),
                 hi = *std::max_element(isi.begin(), isi.end());
    const double split = std::sqrt(lo * hi);  // the geometric middle
    const long n_long = std::count_if(isi.begin(), isi.end(), [&](double v) { return v > split; });
    return hi > 8 * lo && n_long >= 2 && long(isi.size()) - n_long >= 2;
}

// Naud et al. 2008's classes from the spike times of a step from t = 0 lasting run_ms, checked in this order:
// "transient" (no spike in the last two thirds), "delayed" (first spike after 25 ms), "bursting" (bimodal
// ISIs in the second half), "initial-burst" (an ISI jumps 3x within the first four, then regular: steady ISI
// CV < 0.1), "irregular" (steady ISI CV > 0.3), "adapting" (last ISI > 1.5 x first), else "tonic".
inline std::string firing_class(const std::vector<double>& t, double run_ms) {
    if (t.size() < 4 || t.back() < run_ms / 3) return "transient";
    if (t.front() > 25) return "delayed";
    const std::vector<double> isi = interspike_intervals(t);
    const std::vector<double> steady(isi.begin() + isi.size() / 2, isi.end());  // the second half
    if (bursts(steady)) return "bursting";
    bool jump = false;
    for (size_t k = 0; k + 1 < std::min<size_t>(isi.size(), 4); ++k) jump = jump || isi[k + 1] > 3 * isi[k];
    if (jump && coefficient_of_variation(steady) < 0.1) return "initial-burst";
    if (coefficient_of_variation(steady) > 0.3) return "irregular";
    if (isi.back() > 1.5 * isi.front()) return "adapting";
    return "tonic";
}

}  // namespace pl
