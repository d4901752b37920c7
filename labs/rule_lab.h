// A lab that trains one MLP with a choice of learning rules and measures, every epoch and per hidden layer,
// the angle between the rule's update and backprop's gradient. Lab 2 and Lab 7 are RuleLabs.
#pragma once
#include <memory>
#include "labs/supervised_lab.h"

namespace pl {

struct RuleLabDefaults {
    std::vector<std::string> rules;  // choices of the `rule` parameter, e.g. {"bp", "fa", "dfa", "sign"}
    int rule = 0;
    SupervisedDefaults net;  // hidden, activation, lr, ...
};

class RuleLab : public SupervisedLab {
public:
    // Declares rule, task, linear, hidden, activation, `rule_params`, then the training parameters.
    RuleLab(const RuleLabDefaults& defaults, std::vector<ParamSpec> rule_params);
    void reset() override;
    int hidden_layers() { return int(run.net.linears().size()) - 1; }

protected:
    // The rule named by the `rule` parameter; draw any randomness from `rng` (not the weights' stream).
    virtual std::unique_ptr<LearningRule> make_rule(const std::string& name, const Mlp& net, Rng& rng) = 0;
    // Per-epoch columns after angle_to_bp_deg_l1..: their names and, at each epoch's end, their values.
    virtual std::vector<std::string> rule_columns(int hidden_layers) const {
        (void)hidden_layers;
        return {};
    }
    virtual std::vector<double> rule_values() { return {}; }

    Mat probe_x_, probe_y_;  // 256 fixed training samples the angles are measured on
};

}  // namespace pl
