#include "labs/rule_lab.h"
#include <algorithm>
#include <limits>
#include <numeric>
#include "engine/random_streams.h"
#include "engine/update_angles.h"
#include "labs/task_data.h"

namespace pl {

namespace {
std::vector<ParamSpec> rule_lab_params(const RuleLabDefaults& d, std::vector<ParamSpec> rule_params) {
    SupervisedDefaults net = d.net;
    net.max_epochs = 2000;
    net.seed_help = "seeds the initial weights, the rule's randomness and the data order";
    return concat({
        {
            choice_param("rule", learning_rule_table(), d.rules, d.rule,
                         "the learning rule that computes the weight updates"),
            choice_param("task", {"mnist", "cubic", "student-teacher"}, 0,
                         "MNIST subset, y = x^3 + noise (20 points), or a random teacher MLP 5-25-50-25-5"),
            bool_param("linear", false, "student-teacher: linear teacher and linear student"),
        },
        network_params(net),
        rule_params,
        training_params(net),
    });
}
}  // namespace

RuleLab::RuleLab(const RuleLabDefaults& defaults, std::vector<ParamSpec> rule_params,
                 std::vector<Preset> presets)
    : SupervisedLab(rule_lab_params(defaults, std::move(rule_params)), std::move(presets)) {}

void RuleLab::reset() {
    error.clear();
    const std::string task = params.choice("task");
    const uint64_t seed = uint64_t(params.integer("seed"));
    const bool linear = params.flag("linear") && task == "student-teacher";
    try {
        data_ = task_data(task, seed, linear);
    } catch (const std::exception& e) {
        error = e.what();
        return;
    }

    Mlp net = make_net(seed, linear);                  // the same initial weights for every rule
    Rng rule_rng = random_stream(seed, Stream::Rule);  // so W's init does not depend on the rule
    std::unique_ptr<LearningRule> rule =
        learning_rule_table().find(params.choice("rule")).value(net, rule_rng, rule_options());
    const int hidden = int(net.linears().size()) - 1;

    std::vector<int> probe(size_t(data_->train.size()));
    std::iota(probe.begin(), probe.end(), 0);
    Rng probe_rng = random_stream(seed, Stream::Probe);
    probe_rng.shuffle(probe);
    probe.resize(std::min<size_t>(probe.size(), 256));
    probe_x_ = data_->train.x(Eigen::all, probe);
    probe_y_ = data_->train.y(Eigen::all, probe);

    run.extra_columns.clear();
    for (int l = 1; l <= hidden; ++l) run.extra_columns.push_back("angle_to_bp_deg_l" + std::to_string(l));
    run.extra_columns.push_back("angle_to_bp_deg_all");
    for (const std::string& c : rule_columns(hidden)) run.extra_columns.push_back(c);
    run.trainer.hooks.end_epoch = [this] {
        UpdateAngles angles = update_angles_to_bp(run.net, *run.loss, *run.rule, probe_x_, probe_y_);
        std::vector<double> values = angles.hidden;
        values.push_back(angles.all);
        for (double v : rule_values()) values.push_back(v);
        return values;
    };
    start_run(std::move(net), std::move(rule), seed);
}

std::vector<double> RuleLab::rule_values() {
    const std::map<std::string, double> diagnostics = run.rule->diagnostics();
    std::vector<double> values;
    for (const std::string& column : rule_columns(hidden_layers())) {
        auto found = diagnostics.find(column);
        values.push_back(found != diagnostics.end() ? found->second
                                                    : std::numeric_limits<double>::quiet_NaN());
    }
    return values;
}

}  // namespace pl
