// The `neurons` lab: one point neuron (LIF, AdEx, Izhikevich, Hodgkin-Huxley) under an injected current, its
// f-I curve, or a balanced network of thousands of LIF neurons (CUBA, Brunel 2000), simulated live.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include "engine/current_input.h"
#include "labs/lab.h"
#include "labs/model_param_specs.h"
#include "labs/neurons/fi_sweep.h"
#include "labs/neurons/network_run.h"
#include "labs/neurons/neuron_run.h"

namespace pl {

struct NeuronsSettings {
    std::string model;        // a name of point_neuron_table()
    ModelValues neuron;       // every model's parameters by name (lif_*, adex_*, izh_*, hh_*, celsius)
    CurrentSettings current;  // the waveform; its amplitude is `amplitude`
    double amplitude = 0;     // the model's current unit
    double duration_ms = 0, dt_ms = 0;
    bool fi_curve = false;  // also sweep the current from fi_min to fi_max in fi_steps
    double fi_min = 0, fi_max = 0;
    int fi_steps = 0;
    std::string network;  // "off" or a name of network_table()
    ModelValues net;      // every network's parameters by name
    int seed = 1;
};

const Fields<NeuronsSettings>& neurons_fields();
const std::vector<Preset>&
neurons_presets();  // the AdEx firing patterns, Izhikevich's types, Brunel's regimes

class NeuronsLab : public Lab {
public:
    static const LabInfo kInfo;
    NeuronsLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    void step() override;  // about 20 ms of simulation work
    bool done() const override;
    double progress() const override;
    std::vector<const MetricLog*> logs() const override { return {&summary, &fi}; }
    // One neuron: spike_count, rate_hz, first_spike_ms, vmax_mv, cv_isi. A network: rate_e_hz, rate_i_hz,
    // cv_isi, sim_speed over the run after its transient.
    std::vector<std::pair<std::string, double>> final_metrics() const override;
    const NeuronsSettings& settings() const { return settings_; }
    const PointNeuronModel& model() const;
    bool network_mode() const { return settings_.network != "off"; }
    bool live() const override { return true; }  // a change re-simulates at once

    std::optional<NeuronRun> neuron;    // one neuron (network off)
    std::optional<FiSweep> sweep;       // the f-I curve (fi_curve), after the neuron's run
    std::optional<NetworkRun> network;  // a network (network != off) instead of the neuron
    MetricLog summary;  // one neuron: a row when its run ends; a network: a row per 100 ms of simulated time
    MetricLog fi;       // the f-I curve: a row per current

private:
    void finish_neuron();
    void finish_sweep();
    void log_network_window();
    NeuronsSettings settings_;
};

}  // namespace pl
