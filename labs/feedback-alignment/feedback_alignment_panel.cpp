#include "labs/feedback-alignment/feedback_alignment_panel.h"
#include <imgui.h>
#include "labs/supervised_panel.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

void angle_plots(FeedbackAlignmentLab& lab) {
    const MetricLog& epochs = lab.run.trainer.epochs;
    const std::vector<double>* x = &epochs.column("epoch");
    ui::PlotOptions options;
    options.x_label = "epoch";
    options.y_label = "degrees";
    options.fix_y = true, options.y_min = 0, options.y_max = 180;
    const ImVec2 size = HalfWidth(ui::Px(200));
    std::vector<std::string> shown;
    for (int l = 1; l <= lab.hidden_layers(); ++l) {
        const std::string n = std::to_string(l);
        std::vector<ui::PlotSeries> series = {
            {"update vs BP gradient", x, &epochs.column("angle_to_bp_deg_l" + n)},
            {"B vs W^T", x, &epochs.column("angle_B_WT_deg_l" + n)},
            {"B vs pinv(W)", x, &epochs.column("angle_B_pinvW_deg_l" + n)},
        };
        shown.insert(shown.end(),
                     {"angle_to_bp_deg_l" + n, "angle_B_WT_deg_l" + n, "angle_B_pinvW_deg_l" + n});
        if (l % 2 == 0) ImGui::SameLine();
        ui::LinePlot(("angles" + n).c_str(), ("Hidden layer " + n + ": alignment").c_str(), series, size,
                     options);
    }
    UndefinedNotes(epochs, shown);
}

}  // namespace

void draw_feedback_alignment_panel(FeedbackAlignmentLab& lab) {
    static SupervisedViews views;
    if (ShowIfNotStarted(lab)) return;
    ImGui::TextWrapped(
        "Rule: %s. The angles are measured at the end of every epoch on 256 fixed training "
        "samples; 90 degrees means unrelated, 0 means the rule follows backprop exactly.",
        lab.settings().rule.c_str());
    LearningCurves(lab.run);
    angle_plots(lab);
    if (lab.run.is_image_task())
        DigitViews(lab.run, views);
    else
        ToyViews(lab.run, views);
}

}  // namespace pl
