#include "labs/neurons/neurons_lab.h"
#include <cmath>
#include <cstdio>
#include <tuple>
#include "engine/brunel_network.h"
#include "engine/random_streams.h"
#include "engine/spiking_network.h"
#include "labs/time_slice.h"

namespace pl {

namespace {
constexpr double kSliceMs = 15;  // wall-clock work per step(), so the page keeps its frame rate
constexpr int kStepsBetweenClockReads = 256;
constexpr double kMaxSteps = 2e6;  // a run records every step: duration / dt at most this
constexpr double kWindowMs = 100;  // a network logs a row per this much simulated time

ParamSpec only(ParamSpec spec, const std::string& name, const std::vector<std::string>& values) {
    spec.applies = when(name, values);
    return spec;
}

std::string number_text(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", x);
    return text;
}

// `field` shown only while one neuron runs (network off), and then only where it applied before.
template <class S>
Field<S> single_neuron_only(Field<S> field) {
    field.spec.applies = [before = field.spec.applies](const Params& p) {
        return p.choice("network") == "off" && (!before || before(p));
    };
    return field;
}

std::vector<std::string> network_choices() {
    std::vector<std::string> names = {"off"};
    for (const std::string& name : network_table().names()) names.push_back(name);
    return names;
}
std::vector<std::string> network_helps() {
    std::vector<std::string> helps = {"one neuron under the injected current"};
    for (const TableEntry<SpikingNetworkModel>& n : network_table().entries()) helps.push_back(n.help);
    return helps;
}

CurrentInput make_input(const NeuronsSettings& s, Eigen::ArrayXd amplitude) {
    return CurrentInput(s.current, std::move(amplitude), random_stream(uint64_t(s.seed), Stream::Noise));
}
}  // namespace

const LabInfo NeuronsLab::kInfo = {
    "neurons", "Neuron models", "LIF, AdEx, Izhikevich and Hodgkin-Huxley; f-I curves; a balanced network"};

const Fields<NeuronsSettings>& neurons_fields() {
    using S = NeuronsSettings;
    using C = CurrentSettings;
    static const Fields<S> fields = [] {
        const Table<PointNeuronModel>& models = point_neuron_table();
        Fields<S> out = {
            single_neuron_only(
                bind(&S::model, choice_param("model", models, models.names(), "hh", "the neuron model"))),
        };
        for (const TableEntry<PointNeuronModel>& m : models.entries())
            for (Field<S>& f : model_fields(&S::neuron, m.value.params())) {
                f.spec.applies = when("model", {m.name});
                out.push_back(single_neuron_only(f));
            }
        const Fields<C> stimulus = {
            bind(&C::input, choice_param("input", current_input_table(), current_input_table().names(),
                                         "step", "the injected current's waveform")),
            bind(&C::baseline, float_param("baseline", 0, -1e4, 1e4, "pA or uA/cm^2",
                                           "a constant current added throughout (e.g. under a sine)")),
            bind(&C::onset_ms, float_param("onset", 0, 0, 1e4, "ms", "the stimulus starts")),
            bind(&C::offset_ms, float_param("offset", 1e4, 0, 1e4, "ms", "the stimulus ends (1e4: never)")),
            bind(&C::frequency_hz,
                 only(float_param("frequency", 10, 0.1, 1000, "Hz", "sine or pulse frequency"), "input",
                      {"sine", "pulses"})),
            bind(&C::pulse_ms,
                 only(float_param("pulse_width", 5, 0.01, 1000, "ms", "the width of each pulse"), "input",
                      {"pulses"})),
            bind(&C::sigma,
                 only(float_param("sigma", 1, 0, 1e4, "pA or uA/cm^2", "the noise's standard deviation"),
                      "input", {"noise"})),
            bind(&C::tau_ms, only(float_param("tau_input", 5, 0.01, 1000, "ms",
                                              "the noise's correlation time; the Poisson synapse's decay"),
                                  "input", {"noise", "poisson"})),
            bind(&C::rate_hz,
                 only(float_param("rate", 1000, 0, 1e5, "Hz", "the Poisson input spikes' total rate"),
                      "input", {"poisson"})),
        };
        for (const Field<S>& f : nested(&S::current, stimulus)) out.push_back(single_neuron_only(f));
        const Fields<S> run = {
            bind(&S::amplitude,
                 per_mode(
                     float_param("amplitude", 10, -1e4, 1e4, "pA or uA/cm^2",
                                 "the stimulus's amplitude in the model's unit (HH: uA/cm^2; LIF, AdEx: pA; "
                                 "Izhikevich: its own); poisson: the current's jump per input spike"),
                     "model", {{"lif", "500"}, {"adex", "1000"}, {"izhikevich", "10"}, {"hh", "10"}})),
            bind(&S::duration_ms,
                 per_mode(per_mode(float_param("duration", 200, 1, 1e4, "ms", "the simulated time"), "model",
                                   {{"lif", "200"}, {"adex", "600"}, {"izhikevich", "400"}, {"hh", "200"}}),
                          "network", {{"cuba", "1000"}, {"brunel", "1000"}})),
            bind(&S::dt_ms,
                 per_mode(float_param("dt", 0.01, 0.001, 1, "ms",
                                      "the integration step (Izhikevich: 1 ms = the original net.m)", true),
                          "model", {{"lif", "0.01"}, {"adex", "0.01"}, {"izhikevich", "1"}, {"hh", "0.01"}})),
            bind(&S::fi_curve, bool_param("fi_curve", false, "also sweep the amplitude: the f-I curve")),
            bind(&S::fi_min,
                 only(float_param("fi_min", 0, -1e4, 1e4, "pA or uA/cm^2", "the f-I curve's first current"),
                      "fi_curve", {"true"})),
            bind(&S::fi_max,
                 only(per_mode(float_param("fi_max", 20, -1e4, 1e4, "pA or uA/cm^2",
                                           "the f-I curve's last current"),
                               "model",
                               {{"lif", "1000"}, {"adex", "1500"}, {"izhikevich", "30"}, {"hh", "50"}}),
                      "fi_curve", {"true"})),
            bind(&S::fi_steps,
                 only(int_param("fi_steps", 51, 2, 400, "currents on the f-I curve"), "fi_curve", {"true"})),
            bind(&S::network, choice_param("network", network_choices(), network_helps(), "off",
                                           "a balanced network of LIF neurons instead of one neuron")),
            bind(&S::seed, int_param("seed", 1, 0, 1000000000,
                                     "seeds the noise, the Poisson input and a network's connectivity")),
        };
        for (const Field<S>& f : run)
            out.push_back(f.spec.name == "duration" || f.spec.name == "network" || f.spec.name == "seed"
                              ? f
                              : single_neuron_only(f));
        for (const TableEntry<SpikingNetworkModel>& n : network_table().entries())
            for (Field<S>& f : model_fields(&S::net, n.value.params())) {
                f.spec.applies = when("network", {n.name});
                out.push_back(f);
            }
        return out;
    }();
    return fields;
}

const std::vector<Preset>& neurons_presets() {
    static const std::vector<Preset> presets = [] {
        std::vector<Preset> out;
        // a model's firing pattern: its values and its step, baseline before the onset
        for (const TableEntry<PointNeuronModel>& m : point_neuron_table().entries())
            for (const NeuronPreset& p : m.value.presets()) {
                std::string values = "model=" + m.name;
                for (const auto& [name, value] : p.values) values += "&" + name + "=" + number_text(value);
                values += "&input=step&baseline=" + number_text(p.base_current) +
                          "&amplitude=" + number_text(p.step_current - p.base_current) +
                          "&onset=" + number_text(p.step_start_ms) +
                          "&offset=10000&duration=" + number_text(p.run_ms) + "&dt=" + number_text(p.dt_ms);
                out.push_back({p.name, p.help, values});
            }
        // the resonator's signature: pulses at its ~40 ms subthreshold period fire it, faster ones do not
        for (const auto& [name, help, hz] :
             {std::tuple{"RZ-resonant",
                         "Izhikevich RZ under 1 ms pulses every 40 ms (25 Hz): resonance, it fires", "25"},
              std::tuple{"RZ-off-resonance", "the same pulses twice as often (50 Hz): more charge, no spike",
                         "50"}})
            out.push_back({name, help,
                           "model=izhikevich&izh_a=0.1&izh_b=0.26&izh_c=-65&izh_d=2&input=pulses&baseline=0&"
                           "amplitude=2.4"
                           "&pulse_width=1&onset=0&offset=10000&duration=400&dt=1&frequency=" +
                               std::string(hz)});
        // f-I curves to compare: HH's type II jump, near its onset, and the LIF's type I rise with its closed
        // form
        out.push_back({"hh-fi", "Hodgkin-Huxley's f-I curve, 0 to 50 uA/cm^2",
                       "model=hh&fi_curve=true&fi_min=0&fi_max=50&fi_steps=51&duration=1000"});
        out.push_back({"hh-fi-onset",
                       "Hodgkin-Huxley's f-I curve near its onset: the jump from 0 to about 50 Hz",
                       "model=hh&fi_curve=true&fi_min=5.8&fi_max=6.6&fi_steps=9&duration=1000"});
        out.push_back({"lif-fi", "the LIF's f-I curve over its closed form, 0 to 1000 pA",
                       "model=lif&fi_curve=true&fi_min=0&fi_max=1000&fi_steps=51&duration=1000"});
        for (const TableEntry<BrunelRegime>& r : brunel_regime_table().entries())
            out.push_back({"brunel-" + r.name, "Brunel 2000, " + r.help,
                           "network=brunel&brunel_g=" + number_text(r.value.g) +
                               "&brunel_ratio=" + number_text(r.value.ratio)});
        return out;
    }();
    return presets;
}

NeuronsLab::NeuronsLab() : Lab(specs_of(neurons_fields()), neurons_presets()) {}

const PointNeuronModel& NeuronsLab::model() const { return point_neuron_table().find(settings_.model).value; }

void NeuronsLab::reset() {
    clear_error();
    settings_ = read_settings(neurons_fields(), params);
    neuron.reset();
    sweep.reset();
    network.reset();
    samples_seen_ = 0;
    const NeuronsSettings& s = settings_;
    fi = MetricLog("fi", {"amplitude", "spike_count", "rate_hz", "first_spike_ms", "cv_isi"});
    if (network_mode()) {
        summary = MetricLog("summary", {"epoch", "t_ms", "rate_e_hz", "rate_i_hz", "cv_isi", "sim_speed"});
        network.emplace(network_table().find(s.network).value.make(lookup_of(s.net)), s.duration_ms,
                        uint64_t(s.seed));
        return;
    }
    summary =
        MetricLog("summary", {"epoch", "spike_count", "rate_hz", "first_spike_ms", "vmax_mv", "cv_isi"});
    const double steps = s.duration_ms / s.dt_ms;
    if (steps > kMaxSteps) {
        fail(Problem::BadSettings,
             "duration / dt = " + std::to_string(std::lround(steps)) +
                 " steps; at most 2000000 are recorded: raise dt or shorten the duration");
        return;
    }
    if (s.fi_curve && s.fi_max <= s.fi_min) {
        fail(Problem::BadSettings, "fi_max must be above fi_min");
        return;
    }
    const ParamLookup value = lookup_of(s.neuron);
    neuron.emplace(model().make(1, value), make_input(s, Eigen::ArrayXd::Constant(1, s.amplitude)),
                   s.duration_ms, s.dt_ms);
    if (s.fi_curve)
        sweep.emplace(model().make(s.fi_steps, value),
                      make_input(s, Eigen::ArrayXd::LinSpaced(s.fi_steps, s.fi_min, s.fi_max)), s.duration_ms,
                      s.dt_ms);
}

bool NeuronsLab::done() const {
    if (!error.empty()) return true;
    if (network) return network->done();
    if (!neuron) return true;
    return neuron->done() && (!sweep || sweep->done());
}

double NeuronsLab::progress() const {
    if (network) return network->progress();
    if (!neuron) return 1;
    const double own = double(neuron->steps_done()) / std::max(1, neuron->steps());
    return sweep ? 0.5 * own + 0.5 * sweep->progress() : own;
}

void NeuronsLab::step() {
    if (done()) return;
    if (network) {
        const int window_steps = std::max(1, int(std::lround(kWindowMs / network->net->dt_ms())));
        for_a_slice(
            kSliceMs, kStepsBetweenClockReads,
            [&](int n) {
                const int before = network->steps_done();
                network->advance(std::min(n, window_steps - before % window_steps));
                samples_seen_ += network->steps_done() - before;
                if (network->steps_done() % window_steps == 0 || network->done()) log_network_window();
            },
            [&] { return network->done(); });
        return;
    }
    if (!neuron->done()) {
        for_a_slice(
            kSliceMs, kStepsBetweenClockReads, [&](int n) { neuron->advance(n), samples_seen_ += n; },
            [&] { return neuron->done(); });
        if (neuron->done()) finish_neuron();
        return;
    }
    for_a_slice(
        kSliceMs, kStepsBetweenClockReads,
        [&](int n) { sweep->advance(n), samples_seen_ += static_cast<long long>(n) * sweep->size(); },
        [&] { return sweep->done(); });
    if (sweep->done()) finish_sweep();
}

void NeuronsLab::finish_neuron() {
    const SpikeSummary s = neuron->summary();
    const double vmax = neuron->vmax_mV();
    if (!std::isfinite(vmax)) {
        fail(Problem::Diverged,
             "the membrane potential is not a number: the integration diverged (try a smaller dt)");
        return;
    }
    if (std::isnan(s.first_spike_ms)) summary.explain_next("first_spike_ms", "the neuron did not fire");
    if (std::isnan(s.cv_isi))
        summary.explain_next("cv_isi", "fewer than 3 spikes: no ISI variation to measure");
    summary.add({1, double(neuron->trace.spike_ms.size()), s.rate_hz, s.first_spike_ms, vmax, s.cv_isi});
}

void NeuronsLab::finish_sweep() {
    const std::vector<SpikeSummary> summaries = sweep->summaries();
    for (size_t i = 0; i < summaries.size(); ++i) {
        const SpikeSummary& s = summaries[i];
        if (std::isnan(s.first_spike_ms)) fi.explain_next("first_spike_ms", "no spike at this current");
        if (std::isnan(s.cv_isi)) fi.explain_next("cv_isi", "fewer than 3 spikes");
        fi.add({sweep->input.amplitude(Eigen::Index(i)), double(s.spike_count), s.rate_hz, s.first_spike_ms,
                s.cv_isi});
    }
}

// The window's population rates, the mean ISI CV of the excitatory neurons since the transient, the speed.
void NeuronsLab::log_network_window() {
    const SpikingNetwork& net = *network->net;
    const int bins = std::max(1, int(std::lround(kWindowMs / NetworkRun::kBinMs)));
    auto window_mean = [&](const std::vector<double>& rate) {
        const int n = std::min<int>(bins, int(rate.size()));
        double sum = 0;
        for (int k = int(rate.size()) - n; k < int(rate.size()); ++k) sum += rate[size_t(k)];
        return n > 0 ? sum / n : 0.0;
    };
    const double cv = mean_isi_cv(net, 0, net.n_exc());
    if (std::isnan(cv))
        summary.explain_next("cv_isi", "no excitatory neuron has fired 3 times since the transient");
    summary.add({double(summary.rows() + 1), net.t_ms(), window_mean(network->rate_e_hz),
                 window_mean(network->rate_i_hz), cv, network->sim_speed()});
}

std::vector<std::pair<std::string, double>> NeuronsLab::final_metrics() const {
    if (!network) return Lab::final_metrics();
    const SpikingNetwork& net = *network->net;
    return {{"rate_e_hz", mean_rate_hz(net, 0, net.n_exc())},
            {"rate_i_hz", mean_rate_hz(net, net.n_exc(), net.n_inh())},
            {"cv_isi", mean_isi_cv(net, 0, net.n_exc())},
            {"sim_speed", network->sim_speed()}};
}

}  // namespace pl
