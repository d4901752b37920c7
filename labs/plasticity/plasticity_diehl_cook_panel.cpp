// The plasticity panel's Diehl & Cook views: every excitatory neuron's input weights as a live grid of
// 28 x 28 images (labelled with its class once assigned), theta, the current digit's rasters, the progress
// curves, and the accuracy and confusion matrix after the evaluation.
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <string>
#include "labs/plasticity/plasticity_views.h"
#include "labs/supervised_panel.h"
#include "ui/widgets/bar_chart.h"
#include "ui/widgets/confusion_matrix.h"
#include "ui/widgets/image_grid.h"
#include "ui/widgets/spike_raster.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

constexpr double kRefreshSeconds = 0.1;  // the weight grid's texture is rebuilt at most this often
constexpr int kDigitSide = 28;
constexpr int kClasses = 10;

struct DiehlCookView {
    ThrottledView throttle;
    Eigen::MatrixXf fields;  // 784 x N: neuron j's weights over their largest
    std::vector<std::string> captions;
    std::vector<double> neuron, theta, classes, per_class;
    ui::SpikeEvents input, exc;
};

void copy_raster(const std::vector<RasterSpike>& spikes, int neurons, const DiehlCookParams& p,
                 ui::SpikeEvents& events) {
    events.t_ms.clear(), events.neuron.clear();
    for (const RasterSpike& s : spikes)
        events.t_ms.push_back(s.step * p.dt_ms), events.neuron.push_back(s.neuron);
    events.neurons = neurons;
    events.t0_ms = 0, events.t1_ms = p.present_ms, events.dash_ms = p.dt_ms;
}

void copy_network(const DiehlCookRun& run, DiehlCookView& v) {
    const DiehlCook& net = run.net();
    const int N = net.neurons();
    v.fields = net.weights().cast<float>();
    for (int j = 0; j < N; ++j) {
        const double top = v.fields.col(j).maxCoeff();
        if (top > 0) v.fields.col(j) /= top;
    }
    const Eigen::ArrayXi& assigned = run.assignments();
    v.captions.clear();
    for (Eigen::Index j = 0; j < assigned.size(); ++j) v.captions.push_back(std::to_string(assigned(j)));
    v.neuron.resize(size_t(N)), v.theta.resize(size_t(N));
    for (int j = 0; j < N; ++j) v.neuron[size_t(j)] = j, v.theta[size_t(j)] = net.theta_mV()(j);
    v.classes.resize(kClasses), v.per_class.assign(kClasses, 0);
    for (int c = 0; c < kClasses; ++c) v.classes[size_t(c)] = c;
    for (int c : assigned) ++v.per_class[size_t(c)];
    copy_raster(net.input_raster(), int(net.weights().rows()), net.params(), v.input);
    copy_raster(net.exc_raster(), N, net.params(), v.exc);
}

std::string phase_text(const DiehlCookRun& run, const PlasticitySettings& s) {
    char text[128];
    switch (run.phase()) {
        case DiehlCookPhase::Train:
            std::snprintf(text, sizeof text, "training: pass %d of %d, digit %d of %d", run.pass() + 1,
                          s.passes, run.position(), run.phase_length());
            break;
        case DiehlCookPhase::Label:
            std::snprintf(text, sizeof text, "labelling the neurons: digit %d of %d", run.position(),
                          run.phase_length());
            break;
        case DiehlCookPhase::Test:
            std::snprintf(text, sizeof text, "testing: digit %d of %d", run.position(), run.phase_length());
            break;
        case DiehlCookPhase::Done:
            std::snprintf(text, sizeof text, "done: test accuracy %.1f%% on %d digits",
                          100 * run.test_accuracy(), int(run.confusion().sum()));
            break;
    }
    return text;
}

}  // namespace

void diehl_cook_views(PlasticityLab& lab) {
    static DiehlCookView v;
    const DiehlCookRun& run = *lab.diehl_cook;
    const int N = run.net().neurons();
    const bool changed = copy_due(v.throttle, lab, kRefreshSeconds);
    if (changed) copy_network(run, v);
    ImGui::Text("%s", phase_text(run, lab.settings()).c_str());

    // The fields, as square a grid as fits; beside them (below them under 700 px) theta and the neurons
    // per class.
    const int columns = int(std::ceil(std::sqrt(double(N))));
    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < ui::Px(700);
    const float tile =
        std::clamp((narrow ? 0.95f : 0.55f) * width / float(columns) - 6, ui::Px(20), ui::Px(84));
    ImGui::BeginGroup();
    ImGui::Text(v.captions.empty()
                    ? "Input weights of the %d excitatory neurons (live)"
                    : "Input weights of the %d excitatory neurons, each labelled with its class",
                N);
    ui::ImageGrid("fields", v.fields, kDigitSide, kDigitSide, columns, tile, ui::ImageColors::Grey,
                  v.captions, changed);
    ImGui::EndGroup();
    if (!narrow) ImGui::SameLine();
    ImGui::BeginGroup();
    const ImVec2 side(narrow ? width : 0, ui::Px(170));
    ui::BarChart("theta", "Adaptive threshold theta per neuron", v.neuron, {{"theta (mV)", &v.theta}}, side,
                 "neuron", "mV");
    if (!v.captions.empty())
        ui::BarChart("classes", "Neurons assigned to each class", v.classes, {{"neurons", &v.per_class}},
                     side, "class", "neurons");
    if (run.phase() == DiehlCookPhase::Done) {
        ImGui::Text("Test accuracy %.1f%% on %d digits", 100 * run.test_accuracy(),
                    int(run.confusion().sum()));
        ImGui::TextDisabled("rows: true class, columns: predicted");
        ui::ConfusionMatrix("confusion", run.confusion().matrix(), ui::Px(24));
    }
    ImGui::EndGroup();

    // The rasters side by side and the three curves in a row, or each full width in a narrow window; each
    // curve is one series, named by its title (no legend).
    const ImVec2 half = narrow ? ImVec2(width, ui::Px(200)) : HalfWidth(ui::Px(240));
    ui::SpikeRaster("input_raster", "Input spikes, the current digit", v.input, half);
    if (!narrow) ImGui::SameLine();
    ui::SpikeRaster("exc_raster", "Excitatory spikes, the current digit", v.exc, half, ui::PaletteColor(3));

    const ImVec2 third = narrow ? ImVec2(width, ui::Px(160))
                                : ImVec2((width - 2 * ImGui::GetStyle().ItemSpacing.x) / 3, ui::Px(200));
    LogPlot spikes{"digits", {"spikes_per_digit"}};
    spikes.options.x_label = "training digits", spikes.options.legend = false;
    log_plot("spikes", "Excitatory spikes per digit", lab.curve, spikes, third);
    if (!narrow) ImGui::SameLine();
    LogPlot theta{"digits", {"theta_mean_mv"}};
    theta.options.x_label = "training digits", theta.options.y_label = "mV", theta.options.legend = false;
    log_plot("theta_mean", "Mean theta", lab.curve, theta, third);
    if (!narrow) ImGui::SameLine();
    LogPlot change{"digits", {"weight_change"}};
    change.options.x_label = "training digits", change.options.legend = false;
    log_plot("change", "Mean |weight change| per 100 digits", lab.curve, change, third);
}

}  // namespace pl
