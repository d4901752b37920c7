#include "labs/feedback-alignment/feedback_alignment_lab.h"
#include <limits>
#include "engine/angles.h"

namespace pl {

const LabInfo FeedbackAlignmentLab::kInfo = {
    "feedback-alignment", "Feedback alignment",
    "BP vs FA, DFA, sign symmetry and Kolen-Pollack; alignment angles"};

const Fields<RuleLabSettings>& feedback_alignment_fields() {
    static const Fields<RuleLabSettings> fields = [] {
        ParamSpec feedback_scale =
            float_param("feedback_scale", 1.0, 0.01, 10, "",
                        "FA, Kolen-Pollack: B ~ N(0, scale^2 / in_l); DFA: N(0, scale^2 / hidden_l)", true);
        feedback_scale.applies = when("rule", {"fa", "dfa", "kolen-pollack"});  // the rules with random B
        return rule_lab_fields(
            {{"bp", "fa", "dfa", "sign", "kolen-pollack"}, "fa", {.hidden = {256}, .activation = "relu"}},
            {bind(&RuleOptions::feedback_scale, feedback_scale)});
    }();
    return fields;
}

FeedbackAlignmentLab::FeedbackAlignmentLab()
    : RuleLab(
          feedback_alignment_fields(),
          {{"linear-small-init",
            "FA on Lillicrap's setting: linear teacher and student 5-25-50-25-5, small initial weights, 20 "
            "epochs",
            "rule=fa&task=student-teacher&linear=true&hidden=25,50,25&init_scale=0.1&epochs=20"}}) {}

std::vector<std::string> FeedbackAlignmentLab::rule_columns(int hidden_layers) const {
    std::vector<std::string> columns;
    for (int l = 1; l <= hidden_layers; ++l) columns.push_back("angle_B_WT_deg_l" + std::to_string(l));
    for (int l = 1; l <= hidden_layers; ++l) columns.push_back("angle_B_pinvW_deg_l" + std::to_string(l));
    return columns;
}

// Per hidden layer: the angle of the feedback B to forward^T and to pinv(forward), where forward is the map
// B stands in for (W_{l+1}; W_L ... W_{l+1} for DFA). NaN for a rule without feedback matrices.
std::vector<double> FeedbackAlignmentLab::rule_values() {
    const std::vector<FeedbackPath> paths = run.rule->feedback_paths(run.net);
    const size_t hidden = size_t(hidden_layers());
    std::vector<double> to_WT(hidden, std::numeric_limits<double>::quiet_NaN()), to_pinv = to_WT;
    for (size_t l = 0; l < hidden; ++l) {
        const std::string layer = std::to_string(l + 1);
        std::string why = "rule=" + settings_.rule + " has no feedback matrix B";
        if (l < paths.size()) {
            to_WT[l] = angle_deg(paths[l].feedback, paths[l].forward.transpose());
            to_pinv[l] = angle_deg(paths[l].feedback, pseudo_inverse(paths[l].forward));
            why = paths[l].feedback.isZero(0)
                      ? "B of layer " + layer + " is zero"
                      : "the forward map B stands in for at layer " + layer + " is zero";
        }
        run.trainer.epochs.explain_next("angle_B_WT_deg_l" + layer, why);
        run.trainer.epochs.explain_next("angle_B_pinvW_deg_l" + layer, why);
    }
    to_WT.insert(to_WT.end(), to_pinv.begin(), to_pinv.end());
    return to_WT;
}

}  // namespace pl
