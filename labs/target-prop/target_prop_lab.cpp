#include "labs/target-prop/target_prop_lab.h"
#include "engine/predictive_coding.h"
#include "engine/target_prop.h"
#include "engine/update_angles.h"

namespace pl {

const LabInfo TargetPropLab::kInfo = {"target-prop", "Target propagation",
                                      "Difference target propagation and predictive coding next to BP"};

const Fields<RuleLabSettings>& target_prop_fields() {
    static const Fields<RuleLabSettings> fields = [] {
        std::vector<ParamSpec> dtp = {
            float_param("dtp_noise", 0.1, 0, 2, "", "DTP: sd of the noise the inverses are trained with"),
            float_param("dtp_inverse_lr", 0.1, 1e-4, 1, "", "DTP: SGD rate of the inverses g_l", true),
            float_param("dtp_top_lr", 0.1, 1e-3, 10, "", "DTP: step towards the top hidden target", true),
        };
        for (ParamSpec& spec : dtp) spec.applies = when("rule", {"dtp"});
        ParamSpec pc_steps =
            int_param("pc_steps", 10, 0, 500, "PC: inference steps before each weight update");
        pc_steps.applies = when("rule", {"pc"});
        // pc_rate applies whatever the rule: the panel measures PC's angles to BP with it on any run's net.
        const ParamSpec pc_rate = float_param("pc_rate", 0.05, 0.001, 1, "",
                                              "PC: inference rate; unstable above ~2 / (1 + |W|^2)", true);
        Fields<RuleOptions> options = nested(&RuleOptions::dtp, Fields<DtpOptions>{
                                                                    bind(&DtpOptions::noise_sd, dtp[0]),
                                                                    bind(&DtpOptions::inverse_lr, dtp[1]),
                                                                    bind(&DtpOptions::top_lr, dtp[2]),
                                                                });
        options.push_back(bind(&RuleOptions::pc_steps, pc_steps));
        options.push_back(bind(&RuleOptions::pc_rate, pc_rate));
        return rule_lab_fields({{"bp", "dtp", "pc"}, "dtp", {.hidden = {256, 256}, .activation = "tanh"}},
                               options);
    }();
    return fields;
}

TargetPropLab::TargetPropLab() : RuleLab(target_prop_fields()) {}

std::vector<std::string> TargetPropLab::rule_columns(int hidden_layers) const {
    std::vector<std::string>
        columns;  // g_l maps h_l back to h_{l-1}: one inverse per hidden layer above the first
    for (int l = 2; l <= hidden_layers; ++l) columns.push_back("reconstruction_error_l" + std::to_string(l));
    return columns;
}

UpdateAngles TargetPropLab::pc_angles(int steps) {
    // the editor's pc_rate, not the run's: the rate can be varied on the same trained network
    PredictiveCoding pc(steps, read_settings(target_prop_fields(), params).options.pc_rate);
    return update_angles_to_bp(run.net, *run.loss, pc, probe_x_, probe_y_);
}

}  // namespace pl
