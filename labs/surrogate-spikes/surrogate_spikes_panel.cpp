#include "labs/surrogate-spikes/surrogate_spikes_panel.h"
#include <imgui.h>
#include <algorithm>
#include <string>
#include "labs/supervised_panel.h"
#include "labs/view_cache.h"
#include "ui/widgets/confusion_matrix.h"
#include "ui/widgets/drawing_pad.h"
#include "ui/widgets/histogram.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/spike_raster.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

// A sample run through the net again only when the net or the sample changes, not every frame.
struct CachedSample {
    CachedView<SpikingSample> view;
    const SpikingSample& get(SurrogateSpikesLab& lab, const Vec& pixels, const std::string& what) {
        const SpikingSample* run = view.get(lab, what);
        return run ? *run : view.set(lab, lab.run_sample(pixels), what);
    }
};

struct PanelState {
    int sample = 0;                 // test sample shown
    int neurons[3] = {-1, -1, -1};  // hidden neurons whose voltage is traced (-1: the most active)
    int variable = 0;               // the traced variable: U, or the neuron model's own (LIF: I_syn)
    ui::DrawingPad pad;
    int pad_drawings = 0;  // bumped on every change of the pad
    CachedSample test_run, pad_run;
    std::vector<double> time_ms, threshold;
    std::vector<std::vector<double>> traces, output_traces;  // hidden variable and output voltages (mV)
    std::vector<double> w_initial, w_now, counts;
};

const char* class_name(const SurrogateSpikesLab& lab, int label) {  // "" for digits
    static const char* fashion[10] = {" (T-shirt/top)", " (trouser)",   " (pullover)", " (dress)",
                                      " (coat)",        " (sandal)",    " (shirt)",    " (sneaker)",
                                      " (bag)",         " (ankle boot)"};
    return lab.settings().dataset == "fashion" && label >= 0 && label < 10 ? fashion[label] : "";
}

std::vector<double> row_of(const Mat& m, int row) {
    return std::vector<double>(m.row(row).begin(), m.row(row).end());
}

// Input and hidden rasters side by side, then the traced hidden variable and the output voltages.
void sample_views(SurrogateSpikesLab& lab, const SpikingSample& s, PanelState& st, const char* id) {
    ImGui::PushID(id);
    const int steps = int(s.hidden_S.cols());
    const double dt_ms = lab.net->hidden.dt_ms();
    st.time_ms.resize(size_t(steps));
    for (int t = 0; t < steps; ++t) st.time_ms[size_t(t)] = t * dt_ms;
    st.threshold.assign(size_t(steps), lab.net->hidden.threshold_mV());

    const ImVec2 half = HalfWidth(ui::Px(220));
    const std::string input_title = "Input spikes (" + lab.settings().encoding + " code)";
    ui::SpikeRaster("input", input_title.c_str(), s.input_S.cast<double>(), dt_ms, half, ui::PaletteColor(2));
    ImGui::SameLine();
    const int hovered = ui::SpikeRaster("hidden", "Hidden layer spikes", s.hidden_S.cast<double>(), dt_ms,
                                        half, ui::PaletteColor(0));

    // Traced hidden neurons: the chosen ones (-1: the most active), and the one hovered in the raster.
    const Vec counts = s.hidden_S.rowwise().sum();
    std::vector<int> by_activity(size_t(counts.size()));
    for (int i = 0; i < int(counts.size()); ++i) by_activity[size_t(i)] = i;
    std::stable_sort(by_activity.begin(), by_activity.end(),
                     [&](int a, int b) { return counts(a) > counts(b); });
    std::vector<int> shown;
    for (int k = 0; k < 3 && k < int(counts.size()); ++k)
        shown.push_back(st.neurons[k] >= 0 ? st.neurons[k] : by_activity[size_t(k)]);
    if (hovered >= 0) shown.push_back(hovered);
    // The traced variable: 0 = U (mV), k > 0 = the model's k-th own variable
    st.variable = std::clamp(st.variable, 0, int(s.hidden_extra.size()));
    const bool voltage = st.variable == 0;
    const NamedTrace* extra = voltage ? nullptr : &s.hidden_extra[size_t(st.variable - 1)];
    const Mat& traced = voltage ? s.hidden_U : extra->value;
    const std::string traced_label = voltage ? "U (mV)" : extra->name + " (" + extra->unit + ")";
    st.traces.resize(shown.size());
    std::vector<ui::PlotSeries> hidden_series;
    for (size_t k = 0; k < shown.size(); ++k) {
        st.traces[k] = row_of(traced, shown[k]);
        hidden_series.push_back({"neuron " + std::to_string(shown[k]), &st.time_ms, &st.traces[k]});
    }
    ui::PlotSeries threshold{"threshold", &st.time_ms, &st.threshold, IM_COL32(230, 80, 80, 255)};
    threshold.dashed = true;
    if (voltage) hidden_series.push_back(threshold);
    ui::PlotOptions v_options;
    v_options.x_label = "time (ms)";
    v_options.y_label = "U (mV)";
    ui::PlotOptions traced_options = v_options;
    traced_options.y_label = traced_label.c_str();
    const ImVec2 half2 = HalfWidth(ui::Px(220));
    const std::string traced_title =
        voltage ? "Hidden membrane voltage (reset after each spike)" : "Hidden neurons' " + traced_label;
    ui::LinePlot("hidden_v", traced_title.c_str(), hidden_series, half2, traced_options);
    ImGui::SameLine();
    std::vector<ui::PlotSeries> out_series;
    st.output_traces.resize(size_t(s.output_U.rows()));
    for (int c = 0; c < int(s.output_U.rows()); ++c) {
        st.output_traces[size_t(c)] = row_of(s.output_U, c);
        ui::PlotSeries series{std::to_string(c), &st.time_ms, &st.output_traces[size_t(c)]};
        if (c == s.predicted) series.name += " (predicted)";
        out_series.push_back(series);
    }
    const Readout& readout = lab.net->readout;
    if (readout.output_spikes) out_series.push_back(threshold);  // the output neurons spike too
    const std::string output_title = std::string("Output voltages: ") + readout.winner;
    ui::LinePlot("output_v", output_title.c_str(), out_series, half2, v_options);
    ImGui::PopID();
}

}  // namespace

void draw_surrogate_spikes_panel(SurrogateSpikesLab& lab) {
    static PanelState st;
    if (ShowIfNotStarted(lab.started(), lab.error)) return;
    const bool classification = true;
    LearningCurves(lab.trainer.epochs, lab.trainer.batches, classification);
    {
        const MetricLog& b = lab.trainer.batches;
        ui::PlotOptions options;
        options.x_label = "batch";
        const ImVec2 half = HalfWidth(ui::Px(180));
        ui::PlotOptions loss_options = options;
        loss_options.log_y = true;
        ui::LinePlot("batch_loss", "Training loss per batch",
                     {{"loss", &b.column("batch"), &b.column("batch_loss")}}, half, loss_options);
        ImGui::SameLine();
        options.y_label = "spikes";
        ui::LinePlot("batch_spikes", "Spikes per hidden neuron per sample",
                     {{"hidden", &b.column("batch"), &b.column("hidden_spikes")}}, half, options);
    }

    const Dataset& test = lab.test_set();
    if (ImGui::CollapsingHeader("One test sample: spikes and voltages", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::SetNextItemWidth(ui::Px(240));
        ImGui::SliderInt("test sample", &st.sample, 0, test.size() - 1);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ui::Px(200));
        ImGui::InputInt3("traced hidden neurons (-1: most active)", st.neurons);
        for (int& n : st.neurons) n = std::clamp(n, -1, lab.net->hidden.out() - 1);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ui::Px(100));
        std::vector<const char*> variables = {"U"};  // U, then the neuron model's own variables
        for (const NamedTrace& extra : lab.net->hidden.record.extra) variables.push_back(extra.name.c_str());
        ImGui::Combo("traced variable", &st.variable, variables.data(), int(variables.size()));
        const SpikingSample& s = st.test_run.get(lab, test.x.col(st.sample), std::to_string(st.sample));
        const int label = test.labels[size_t(st.sample)];
        ImGui::Text("label %d%s, predicted %d%s (%.1f%%)", label, class_name(lab, label), s.predicted,
                    class_name(lab, s.predicted), 100 * s.probabilities(s.predicted));
        sample_views(lab, s, st, "test");
    }
    if (ImGui::CollapsingHeader("Weights and activity", ImGuiTreeNodeFlags_DefaultOpen)) {
        const Mat& w0 = lab.w1_initial;
        const Mat& w = lab.net->hidden.W.value;
        st.w_initial.assign(w0.data(), w0.data() + w0.size());
        st.w_now.assign(w.data(), w.data() + w.size());
        st.counts.assign(lab.hidden_counts.data(), lab.hidden_counts.data() + lab.hidden_counts.size());
        char title[96];
        std::snprintf(title, sizeof title, "W1 now (change %.2f)", lab.w1_change());
        const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
        ui::Histogram("w1_initial", "W1 at initialisation", st.w_initial, 60, ImVec2(third, ui::Px(200)),
                      ui::PaletteColor(1));
        ImGui::SameLine();
        ui::Histogram("w1_now", title, st.w_now, 60, ImVec2(third, ui::Px(200)));
        ImGui::SameLine();
        ui::Histogram("counts", "Hidden spikes per neuron and sample", st.counts, 30,
                      ImVec2(third, ui::Px(200)), ui::PaletteColor(2));
    }
    if (ImGui::CollapsingHeader("Confusion matrix (test set)", ImGuiTreeNodeFlags_DefaultOpen))
        ui::ConfusionMatrix("confusion", lab.confusion, ui::Px(26));
    if (ImGui::CollapsingHeader("Draw a digit: latency-coded into the trained network",
                                ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::BeginGroup();
        if (st.pad.Draw("pad", ui::Px(196))) ++st.pad_drawings;
        ImGui::EndGroup();
        ImGui::SameLine();
        const SpikingSample& s =
            st.pad_run.get(lab, st.pad.image().cast<Real>(), "pad " + std::to_string(st.pad_drawings));
        ImGui::BeginGroup();
        if (st.pad.empty())
            ImGui::TextDisabled("Draw with the left mouse button; right-click clears.");
        else
            ClassProbabilities(s.probabilities);
        ImGui::EndGroup();
        if (!st.pad.empty()) sample_views(lab, s, st, "pad");
    }
}

}  // namespace pl
