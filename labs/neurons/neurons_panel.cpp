#include "labs/neurons/neurons_panel.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include "engine/spike_stats.h"
#include "labs/model_param_specs.h"
#include "labs/supervised_panel.h"
#include "ui/widgets/decimate.h"
#include "ui/widgets/histogram.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/spike_raster.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

constexpr int kPhasePoints = 4000;  // the phase plane's trajectory: at most this many points

struct Curve {  // one decimated series
    std::string name;
    std::vector<double> x, y;
};

struct PanelState {
    std::vector<double> t, threshold_t, threshold;
    Curve V, current;
    std::vector<Curve> variables;  // every variable but V
    std::vector<double> isi;
    std::vector<double> traj_v, traj_w, grid, v_null, w_null, reset_v, reset_w;
    std::vector<double> fi_x, fi_rate, closed_x, closed_rate;
    std::vector<double> rates, cvs;
    ui::SpikeEvents raster;
};

PanelState& state() {
    static PanelState s;
    return s;
}

void plot_series(const char* id, const char* title, const std::vector<const Curve*>& curves, ImVec2 size,
                 const ui::PlotOptions& options, const char* y_label) {
    std::vector<ui::PlotSeries> series;
    for (const Curve* c : curves) series.push_back({c->name, &c->x, &c->y});
    ui::PlotOptions o = options;
    o.x_label = "time (ms)";
    o.y_label = y_label;
    ui::LinePlot(id, title, series, size, o);
}

std::string figure(const char* name, double value, const char* unit) {
    char text[96];
    if (std::isfinite(value))
        std::snprintf(text, sizeof text, "%s %.4g%s", name, value, unit);
    else
        std::snprintf(text, sizeof text, "%s -", name);
    return text;
}

// Spike count, steady rate, latency, CV and peak voltage of the neuron's run so far.
void neuron_figures(const NeuronsLab& lab, const NeuronRun& run) {
    const SpikeSummary s = run.summary();
    const std::string line = figure("spikes", double(run.trace.spike_ms.size()), "") + "   " +
                             figure("rate", s.rate_hz, " Hz") + "   " +
                             figure("first spike", s.first_spike_ms, " ms") + "   " +
                             figure("ISI CV", s.cv_isi, "") + "   " + figure("V max", run.vmax_mV(), " mV");
    ImGui::Text("%s", line.c_str());
    ImGui::TextDisabled("%s; current in %s; dt %g ms; %s input",
                        point_neuron_table().find(lab.settings().model).help.c_str(),
                        lab.model().current_unit, lab.settings().dt_ms, lab.settings().current.input.c_str());
}

ui::PlotOptions whole_run(const NeuronRun& run) {
    ui::PlotOptions o;
    o.fix_x = true, o.x_min = 0, o.x_max = run.steps() * run.dt_ms();
    return o;
}

void voltage_view(const NeuronRun& run, PanelState& s, float width) {
    const NeuronTrace& tr = run.trace;
    s.V.name = "V";
    ui::MinMaxDecimate(tr.t_ms, tr.values[0], std::max(100, int(width)), s.V.x, s.V.y);
    s.threshold_t = {0, run.steps() * run.dt_ms()};
    s.threshold.assign(2, run.neuron->threshold_mV());
    ui::PlotOptions o = whole_run(run);
    o.x_label = "time (ms)", o.y_label = "mV";
    ui::LinePlot("V", "Membrane potential V",
                 {{"V", &s.V.x, &s.V.y},
                  {"threshold (spike detection)", &s.threshold_t, &s.threshold, 0, false, true}},
                 ImVec2(0, ui::Px(230)), o);
}

// The injected current, then one plot per unit of the model's other variables (HH: gates, currents).
void variable_views(const NeuronRun& run, PanelState& s, float width, const char* current_unit) {
    const NeuronTrace& tr = run.trace;
    const int buckets = std::max(100, int(width / 2));
    s.current.name = "I";
    ui::MinMaxDecimate(tr.t_ms, tr.current, buckets, s.current.x, s.current.y);
    std::map<std::string, std::vector<const Curve*>> by_unit;
    s.variables.resize(tr.variables.size() - 1);
    for (size_t k = 1; k < tr.variables.size(); ++k) {
        Curve& c = s.variables[k - 1];
        c.name = tr.variables[k].name;
        ui::MinMaxDecimate(tr.t_ms, tr.values[k], buckets, c.x, c.y);
        by_unit[tr.variables[k].unit].push_back(&c);
    }
    int drawn = 0;
    auto half = [&] {  // the size first: after SameLine the available width has shrunk
        const ImVec2 size = HalfWidth(ui::Px(200));
        if (drawn++ % 2 == 1) ImGui::SameLine();
        return size;
    };
    const ui::PlotOptions full = whole_run(run);
    plot_series("I", "Injected current", {&s.current}, half(), full, current_unit);
    for (const auto& [unit_name, curves] : by_unit) {
        const std::string title =
            unit_name.empty() ? "Gating variables" : "Model variables (" + unit_name + ")";
        plot_series(("var" + unit_name).c_str(), title.c_str(), curves, half(), full, unit_name.c_str());
    }
}

// (V, w) for AdEx, (v, u) for Izhikevich: the trajectory, both nullclines at the present current, the reset.
void phase_plane(const NeuronRun& run, PanelState& s, ImVec2 size) {
    const NeuronTrace& tr = run.trace;
    if (tr.values.size() < 2 || tr.t_ms.empty()) return;
    const std::vector<double>&V = tr.values[0], &W = tr.values[1];
    const size_t stride = std::max<size_t>(1, V.size() / kPhasePoints);
    s.traj_v.clear(), s.traj_w.clear();
    for (size_t k = 0; k < V.size(); k += stride) s.traj_v.push_back(V[k]), s.traj_w.push_back(W[k]);
    const auto [v_lo, v_hi] = std::minmax_element(V.begin(), V.end());
    const auto [w_lo, w_hi] = std::minmax_element(W.begin(), W.end());
    const double v_min = *v_lo - 10, v_max = std::min(*v_hi, run.neuron->threshold_mV() + 20) + 5;
    const Eigen::ArrayXd grid = Eigen::ArrayXd::LinSpaced(300, v_min, v_max);
    const PhasePlane plane = run.neuron->phase_plane(tr.current.back(), grid);
    if (plane.v.size() == 0) return;
    s.grid.assign(plane.v.begin(), plane.v.end());
    s.v_null.assign(plane.v_nullcline.begin(), plane.v_nullcline.end());
    s.w_null.assign(plane.w_nullcline.begin(), plane.w_nullcline.end());
    const double w_pad = std::max(1.0, 0.5 * (*w_hi - *w_lo));
    s.reset_v = {plane.reset_mV, plane.reset_mV};
    s.reset_w = {*w_lo - w_pad, *w_hi + w_pad};
    ui::PlotOptions o;
    o.x_label = "V (mV)";
    o.y_label = tr.variables[1].name.c_str();
    o.fix_y = true, o.y_min = *w_lo - w_pad, o.y_max = *w_hi + w_pad;
    o.fix_x = true, o.x_min = v_min, o.x_max = v_max;
    const std::string v_name = "d" + tr.variables[0].name + "/dt = 0";
    const std::string w_name = "d" + tr.variables[1].name + "/dt = 0";
    ui::LinePlot("phase", "Phase plane",
                 {{"trajectory", &s.traj_v, &s.traj_w},
                  {v_name, &s.grid, &s.v_null, 0, false, true},
                  {w_name, &s.grid, &s.w_null, 0, false, true},
                  {"reset", &s.reset_v, &s.reset_w, 0, false, true}},
                 size, o);
}

void isi_histogram(const NeuronRun& run, PanelState& s, ImVec2 size) {
    s.isi = interspike_intervals(run.trace.spike_ms);
    char title[96];
    std::snprintf(title, sizeof title, "Interspike intervals (ms), CV %.3g", coefficient_of_variation(s.isi));
    ui::Histogram("isi", title, s.isi, 40, size);
}

// Rate against current, the closed form where the model has one, the rheobase and the onset of repetitive
// firing marked.
// The button that starts the f-I sweep, or its progress, on a line of its own; nothing once it is done.
void fi_controls(NeuronsLab& lab) {
    if (!lab.sweep) {
        if (ImGui::Button("Measure the f-I curve")) lab.params.set("fi_curve", "true");
        ImGui::SameLine();
        ImGui::TextDisabled("a step from fi_min to fi_max, one neuron per current");
    } else if (!lab.sweep->done()) {
        ImGui::Text("f-I curve: %.0f%% of %d currents", lab.sweep->progress() * 100, lab.sweep->size());
    }
}

void fi_curve(NeuronsLab& lab, PanelState& s, ImVec2 size) {
    s.fi_x = lab.fi.column("amplitude");
    s.fi_rate = lab.fi.column("rate_hz");
    std::vector<ui::PlotSeries> series = {{"measured (steady rate)", &s.fi_x, &s.fi_rate, 0, false}};
    if (const auto closed = lab.model().closed_form_rate_hz) {
        const NeuronsSettings& st = lab.settings();
        const ParamLookup value = lookup_of(st.neuron);
        s.closed_x.clear(), s.closed_rate.clear();
        for (int k = 0; k <= 400; ++k) {
            const double I = st.fi_min + (st.fi_max - st.fi_min) * k / 400;
            s.closed_x.push_back(I), s.closed_rate.push_back(closed(value, I));
        }
        series.push_back({"closed form", &s.closed_x, &s.closed_rate, 0, false, true});
    }
    const FiMarks marks = lab.sweep->marks();
    ui::PlotOptions o;
    o.x_label = lab.model().current_unit;
    o.y_label = "rate (Hz)";
    if (std::isfinite(marks.rheobase)) o.x_marks.push_back({marks.rheobase, "rheobase"});
    if (std::isfinite(marks.repetitive_onset) && marks.repetitive_onset != marks.rheobase)
        o.x_marks.push_back({marks.repetitive_onset, "repetitive"});
    const double top = *std::max_element(s.fi_rate.begin(), s.fi_rate.end());
    o.fix_y = true, o.y_min = 0,
    o.y_max = std::max(1.0, 1.3 * top);  // room for the legend and the marks' labels
    o.legend = series.size() > 1;
    ui::LinePlot("fi", "f-I curve", series, size, o);
}

void neuron_views(NeuronsLab& lab, PanelState& s) {
    const NeuronRun& run = *lab.neuron;
    neuron_figures(lab, run);
    voltage_view(run, s, ImGui::GetContentRegionAvail().x);
    fi_controls(lab);
    // two per row: the f-I curve once measured, the phase plane of a 2-D model, the ISI histogram
    std::vector<std::function<void(ImVec2)>> views;
    if (lab.sweep && lab.sweep->done()) views.push_back([&](ImVec2 size) { fi_curve(lab, s, size); });
    if (run.neuron->phase_plane(0, Eigen::ArrayXd::Zero(1)).v.size() > 0)
        views.push_back([&](ImVec2 size) { phase_plane(run, s, size); });
    if (run.trace.spike_ms.size() >= 3) views.push_back([&](ImVec2 size) { isi_histogram(run, s, size); });
    const ImVec2 half = HalfWidth(ui::Px(260));
    for (size_t k = 0; k < views.size(); ++k) {
        if (k % 2 == 1) ImGui::SameLine();
        views[k](half);
    }
    variable_views(run, s, ImGui::GetContentRegionAvail().x, lab.model().current_unit);
}

void network_views(NeuronsLab& lab, PanelState& s) {
    const NetworkRun& run = *lab.network;
    const SpikingNetwork& net = *run.net;
    const std::vector<std::pair<std::string, double>> now = lab.final_metrics();
    std::string line;
    for (const auto& [name, value] : now) line += figure(name.c_str(), value, "") + "   ";
    ImGui::Text("%s", line.c_str());
    ImGui::TextDisabled(
        "%d excitatory + %d inhibitory LIF neurons, dt %g ms, t = %.0f ms; statistics after %.0f ms",
        net.n_exc(), net.n_inh(), net.dt_ms(), net.t_ms(), net.statistics_start_ms());

    s.raster.t_ms = run.raster_t_ms;
    s.raster.neuron = run.raster_row;
    s.raster.neurons = NetworkRun::kShownExc + NetworkRun::kShownInh;
    s.raster.t1_ms = std::max(NetworkRun::kRasterMs, net.t_ms());
    s.raster.t0_ms = s.raster.t1_ms - NetworkRun::kRasterMs;
    s.raster.dash_ms = net.dt_ms();
    ui::SpikeRaster(
        "raster", "Spikes of 400 excitatory (blue) and 100 inhibitory (orange) neurons, the last 500 ms",
        s.raster, ImVec2(0, ui::Px(300)), ui::PaletteColor(0), NetworkRun::kShownExc, ui::PaletteColor(1));

    ui::PlotOptions o;
    o.x_label = "time (ms)", o.y_label = "Hz";
    ui::LinePlot(
        "rates", "Population rate (1 ms bins)",
        {{"excitatory", &run.bin_t_ms, &run.rate_e_hz}, {"inhibitory", &run.bin_t_ms, &run.rate_i_hz}},
        ImVec2(0, ui::Px(200)), o);

    const Eigen::ArrayXd rates = net.rate_hz().head(net.n_exc()), cvs = net.isi_cv().head(net.n_exc());
    s.rates.assign(rates.begin(), rates.end());
    s.cvs.clear();
    for (double cv : cvs)
        if (std::isfinite(cv)) s.cvs.push_back(cv);
    const ImVec2 half = HalfWidth(ui::Px(200));
    ui::Histogram("rate_hist", "Firing rates of the excitatory neurons (Hz)", s.rates, 40, half);
    ImGui::SameLine();
    ui::Histogram("cv_hist", "Their ISI CVs (neurons with 2 ISIs or more)", s.cvs, 40, half);
}

}  // namespace

void draw_neurons_panel(NeuronsLab& lab) {
    if (ShowIfNotStarted(lab.neuron.has_value() || lab.network.has_value(), lab.error)) return;
    PanelState& s = state();
    if (lab.network)
        network_views(lab, s);
    else
        neuron_views(lab, s);
}

}  // namespace pl
