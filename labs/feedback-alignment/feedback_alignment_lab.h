// Lab 2 "Feedback alignment": the same MLP trained by backprop or by rules that send the error down through
// other matrices than W^T (FA, DFA, sign symmetry, Kolen-Pollack); measures how the updates align with BP's.
#pragma once
#include "labs/rule_lab.h"

namespace pl {

// Lab 2's settings are RuleLabSettings: rule, task, linear, the network, feedback_scale, the training.
const Fields<RuleLabSettings>& feedback_alignment_fields();

class FeedbackAlignmentLab : public RuleLab {
public:
    static const LabInfo kInfo;
    FeedbackAlignmentLab();
    const LabInfo& info() const override { return kInfo; }

protected:
    std::vector<std::string> rule_columns(int hidden_layers) const override;  // B vs W^T, B vs pinv(W)
    std::vector<double> rule_values() override;  // from the rule's feedback_paths()
};

}  // namespace pl
