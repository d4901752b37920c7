// Lab 7 "Target propagation": beyond feedback alignment. Difference target propagation (learned inverses
// carry targets down) and predictive coding (inference settles value nodes) next to backprop.
#pragma once
#include "engine/update_angles.h"
#include "labs/rule_lab.h"

namespace pl {

// Lab 7's settings are RuleLabSettings: rule, task, linear, the network, dtp_*, pc_*, the training.
const Fields<RuleLabSettings>& target_prop_fields();

class TargetPropLab : public RuleLab {
public:
    static const LabInfo kInfo;
    TargetPropLab();
    const LabInfo& info() const override { return kInfo; }
    // Angles of predictive coding's updates to BP's, on the probe batch of the current net, for `steps`
    // inference steps (the current pc_rate): how PC approaches BP as inference runs longer.
    UpdateAngles pc_angles(int steps);

protected:
    // The inverses' reconstruction errors, from DTP's diagnostics() (NaN for the other rules).
    std::vector<std::string> rule_columns(int hidden_layers) const override;
};

}  // namespace pl
