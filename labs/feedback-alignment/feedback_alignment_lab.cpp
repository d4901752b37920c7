#include "labs/feedback-alignment/feedback_alignment_lab.h"
#include "engine/angles.h"
#include "engine/feedback_alignment.h"

namespace pl {

const LabInfo FeedbackAlignmentLab::kInfo = {"feedback-alignment", "Feedback alignment",
                                             "BP vs FA, DFA and sign symmetry; alignment angles"};

FeedbackAlignmentLab::FeedbackAlignmentLab()
    : RuleLab({{"bp", "fa", "dfa", "sign"}, 1, {.hidden = {256}, .activation = "relu"}},
              {float_param("feedback_scale", 1.0, 0.01, 10, "",
                           "FA: B ~ N(0, scale^2 / in_l); DFA: N(0, scale^2 / hidden_l)", true)}) {}

std::unique_ptr<LearningRule> FeedbackAlignmentLab::make_rule(const std::string& name, const Mlp& net,
                                                              Rng& rng) {
    const double scale = params.number("feedback_scale");
    if (name == "fa") return std::make_unique<FeedbackAlignment>(net, rng, scale);
    if (name == "dfa") return std::make_unique<DirectFeedbackAlignment>(net, rng, scale);
    if (name == "sign") return std::make_unique<SignSymmetry>();
    return std::make_unique<Backprop>();
}

std::vector<std::string> FeedbackAlignmentLab::rule_columns(int hidden_layers) const {
    std::vector<std::string> columns;
    for (int l = 1; l <= hidden_layers; ++l) columns.push_back("angle_B_WT_deg_l" + std::to_string(l));
    for (int l = 1; l <= hidden_layers; ++l) columns.push_back("angle_B_pinvW_deg_l" + std::to_string(l));
    return columns;
}

std::vector<double> FeedbackAlignmentLab::rule_values() {
    std::vector<Linear*> layers = run.net.linears();
    const std::string rule = run.rule->name();
    std::vector<double> to_WT, to_pinv;
    for (size_t l = 1; l < layers.size(); ++l) {
        // The feedforward map the feedback stands in for: W_{l+1} for BP/FA/sign, W_L ... W_{l+1} for DFA.
        Mat forward = layers[l]->W.value;
        if (rule == "dfa")
            for (size_t k = l + 1; k < layers.size(); ++k) forward = layers[k]->W.value * forward;
        Mat B = forward.transpose();
        if (rule == "fa") B = static_cast<FeedbackAlignment&>(*run.rule).feedback()[l - 1];
        if (rule == "dfa") B = static_cast<DirectFeedbackAlignment&>(*run.rule).feedback()[l - 1];
        if (rule == "sign") B = forward.array().sign().matrix().transpose();
        to_WT.push_back(angle_deg(B, forward.transpose()));
        to_pinv.push_back(angle_deg(B, pseudo_inverse(forward)));
    }
    to_WT.insert(to_WT.end(), to_pinv.begin(), to_pinv.end());
    return to_WT;
}

}  // namespace pl
