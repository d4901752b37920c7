#include "labs/target-prop/target_prop_panel.h"
#include <imgui.h>
#include "labs/supervised_panel.h"
#include "labs/view_cache.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

struct PcAngles {
    std::vector<double> steps;                // inference steps measured
    std::vector<std::vector<double>> angles;  // angles[l][i]: hidden layer l+1 at steps[i]
};

struct PanelState {
    SupervisedViews views;
    CachedView<PcAngles> pc;  // of the network as it was when measured
};

void angles_and_inverses(TargetPropLab& lab) {
    const MetricLog& epochs = lab.run.trainer.epochs;
    const std::vector<double>* x = &epochs.column("epoch");
    std::vector<ui::PlotSeries> angles, errors;
    for (int l = 1; l <= lab.hidden_layers(); ++l)
        angles.push_back(
            {"layer " + std::to_string(l), x, &epochs.column("angle_to_bp_deg_l" + std::to_string(l))});
    for (int l = 2; l <= lab.hidden_layers(); ++l)
        errors.push_back(
            {"g" + std::to_string(l), x, &epochs.column("reconstruction_error_l" + std::to_string(l))});
    ui::PlotOptions a, e;
    a.x_label = e.x_label = "epoch";
    a.y_label = "degrees";
    a.fix_y = true, a.y_min = 0, a.y_max = 180;
    e.y_label = "mean squared error";
    e.log_y = true;
    const ImVec2 size = HalfWidth(ui::Px(200));
    ui::LinePlot("angles", "Update vs BP gradient, per hidden layer", angles, size, a);
    ImGui::SameLine();
    ui::LinePlot("inverses", "DTP inverses: reconstruction error", errors, size, e);
    std::vector<std::string> shown;
    for (int l = 1; l <= lab.hidden_layers(); ++l) shown.push_back("angle_to_bp_deg_l" + std::to_string(l));
    if (lab.settings().rule == "dtp")  // the other rules have no inverses: their empty plot says so
        for (int l = 2; l <= lab.hidden_layers(); ++l)
            shown.push_back("reconstruction_error_l" + std::to_string(l));
    UndefinedNotes(epochs, shown);
}

void pc_inference_steps(TargetPropLab& lab, PanelState& s) {
    if (!ImGui::CollapsingHeader("Predictive coding: angle to BP vs inference steps",
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    ImGui::TextWrapped(
        "Measures, on the current network and 256 fixed training samples, the angle between "
        "predictive coding's update and BP's gradient for 0 ... 200 inference steps (rate pc_rate).");
    if (ImGui::Button("Measure now")) {
        PcAngles m;
        m.steps = {0, 1, 2, 5, 10, 20, 50, 100, 200};
        m.angles.assign(size_t(lab.hidden_layers()) + 1, {});
        for (double t : m.steps) {
            UpdateAngles a = lab.pc_angles(int(t));
            a.hidden.push_back(a.all);
            for (size_t l = 0; l < a.hidden.size(); ++l) m.angles[l].push_back(a.hidden[l]);
        }
        s.pc.set(lab, std::move(m));
    }
    const PcAngles* m = s.pc.get(lab);
    if (!m) {  // never measured, or the weights or parameters have changed since
        ImGui::TextDisabled("No measurement of the current network yet.");
        return;
    }
    std::vector<ui::PlotSeries> series;
    for (size_t l = 0; l < m->angles.size(); ++l)
        series.push_back({"layer " + std::to_string(l + 1), &m->steps, &m->angles[l]});
    ui::PlotOptions options;
    options.x_label = "inference steps";
    options.y_label = "degrees";
    options.fix_y = true, options.y_min = 0, options.y_max = 180;
    ui::LinePlot("pc_steps", "PC update vs BP gradient", series, ImVec2(0, ui::Px(220)), options);
}

}  // namespace

void draw_target_prop_panel(TargetPropLab& lab) {
    static PanelState state;
    if (ShowIfNotStarted(lab)) return;
    ImGui::TextWrapped("Rule: %s. Compare it with BP through \"Compare runs\" (vary rule over bp,dtp,pc).",
                       lab.settings().rule.c_str());
    LearningCurves(lab.run);
    angles_and_inverses(lab);
    pc_inference_steps(lab, state);
    if (lab.run.is_image_task())
        DigitViews(lab.run, state.views);
    else
        ToyViews(lab.run, state.views);
}

}  // namespace pl
