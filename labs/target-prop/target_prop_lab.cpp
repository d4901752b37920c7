#include "labs/target-prop/target_prop_lab.h"
#include "engine/predictive_coding.h"
#include "engine/update_angles.h"

namespace pl {

const LabInfo TargetPropLab::kInfo = {"target-prop", "Target propagation",
                                      "Difference target propagation and predictive coding next to BP"};

TargetPropLab::TargetPropLab()
    : RuleLab(
          {{"bp", "dtp", "pc"}, "dtp", {.hidden = {256, 256}, .activation = "tanh"}},
          {
              float_param("dtp_noise", 0.1, 0, 2, "", "DTP: sd of the noise the inverses are trained with"),
              float_param("dtp_inverse_lr", 0.1, 1e-4, 1, "", "DTP: SGD rate of the inverses g_l", true),
              float_param("dtp_top_lr", 0.1, 1e-3, 10, "", "DTP: step towards the top hidden target", true),
              int_param("pc_steps", 10, 0, 500, "PC: inference steps before each weight update"),
              float_param("pc_rate", 0.05, 0.001, 1, "",
                          "PC: inference rate; unstable above ~2 / (1 + |W|^2)", true),
          }) {}

RuleOptions TargetPropLab::rule_options() const {
    RuleOptions options;
    options.dtp.noise_sd = params.number("dtp_noise");
    options.dtp.inverse_lr = params.number("dtp_inverse_lr");
    options.dtp.top_lr = params.number("dtp_top_lr");
    options.pc_steps = params.integer("pc_steps");
    options.pc_rate = params.number("pc_rate");
    return options;
}

std::vector<std::string> TargetPropLab::rule_columns(int hidden_layers) const {
    std::vector<std::string>
        columns;  // g_l maps h_l back to h_{l-1}: one inverse per hidden layer above the first
    for (int l = 2; l <= hidden_layers; ++l) columns.push_back("reconstruction_error_l" + std::to_string(l));
    return columns;
}

UpdateAngles TargetPropLab::pc_angles(int steps) {
    PredictiveCoding pc(steps, params.number("pc_rate"));
    return update_angles_to_bp(run.net, *run.loss, pc, probe_x_, probe_y_);
}

}  // namespace pl
