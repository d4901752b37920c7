// Lab 2 "Feedback alignment": the same MLP trained by backprop or by rules that send the error down through
// fixed random matrices (FA, DFA) or sign(W) (sign symmetry); measures how the updates align with BP's.
#pragma once
#include "labs/rule_lab.h"

namespace pl {

class FeedbackAlignmentLab : public RuleLab {
public:
    static const LabInfo kInfo;
    FeedbackAlignmentLab();
    const LabInfo& info() const override { return kInfo; }

protected:
    std::unique_ptr<LearningRule> make_rule(const std::string& name, const Mlp& net, Rng& rng) override;
    std::vector<std::string> rule_columns(int hidden_layers) const override;  // B vs W^T, B vs pinv(W)
    std::vector<double> rule_values() override;
};

}  // namespace pl
