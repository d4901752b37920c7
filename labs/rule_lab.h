// A lab that trains one MLP with a choice of learning rules and measures, every epoch and per hidden layer,
// the angle between the rule's update and backprop's gradient. Lab 2 and Lab 7 are RuleLabs.
#pragma once
#include <memory>
#include "engine/learning_rules.h"
#include "engine/update_angles.h"
#include "labs/supervised_lab.h"

namespace pl {

struct RuleLabDefaults {
    std::vector<std::string> rules;  // the rules offered, from learning_rule_table(), e.g. {"bp", "fa"}
    std::string rule;                // the default
    SupervisedDefaults net;          // hidden, activation, lr, ...
};

struct RuleLabSettings {
    std::string rule;     // from learning_rule_table()
    std::string task;     // mnist, cubic or student-teacher
    bool linear = false;  // student-teacher: linear teacher and linear student
    NetworkSettings network;
    // the options the lab declares (feedback_scale, dtp_*, pc_*); the others at their defaults
    RuleOptions options;
    TrainingSettings training;
};
// rule, task, linear, hidden, activation, `option_fields`, then the training parameters.
Fields<RuleLabSettings> rule_lab_fields(const RuleLabDefaults& d, const Fields<RuleOptions>& option_fields);

class RuleLab : public SupervisedLab {
public:
    // `fields` (from rule_lab_fields) must outlive the lab: a lab's function-local static.
    explicit RuleLab(const Fields<RuleLabSettings>& fields, std::vector<Preset> presets = {});
    void reset() override;
    int hidden_layers() { return int(run.net.linears().size()) - 1; }
    const RuleLabSettings& settings() const { return settings_; }  // of the current run (read by reset())
    const Mat& probe_x() const { return probe_x_; }  // the samples the epoch rows' angles are measured on
    const Mat& probe_y() const { return probe_y_; }

protected:
    // Per-epoch columns after angle_to_bp_deg_l1..: their names and, at each epoch's end, their values; by
    // default the rule's diagnostics() of those names (NaN for a rule without one).
    virtual std::vector<std::string> rule_columns(int hidden_layers) const = 0;
    virtual std::vector<double> rule_values();

    const Fields<RuleLabSettings>& fields_;
    RuleLabSettings settings_;
    Mat probe_x_, probe_y_;       // 256 fixed training samples the angles are measured on
    UpdateAnglesInParts angles_;  // of the next epoch row, measured over several steps
};

}  // namespace pl
