#include "labs/rule_lab.h"
#include <algorithm>
#include <limits>
#include <numeric>
#include "engine/random_streams.h"
#include "engine/update_angles.h"
#include "labs/task_data.h"
#include "labs/time_slice.h"

namespace pl {

Fields<RuleLabSettings> rule_lab_fields(const RuleLabDefaults& d, const Fields<RuleOptions>& option_fields) {
    using S = RuleLabSettings;
    SupervisedDefaults net = d.net;
    net.max_epochs = 2000;
    net.seed_help = "seeds the initial weights, the rule's randomness and the data order";
    net.activation_applies = [](const Params& p) {  // a linear student has no nonlinearity
        return p.text("task") != "student-teacher" || p.text("linear") != "true";
    };
    ParamSpec linear = bool_param("linear", false, "student-teacher: linear teacher and linear student");
    linear.applies = when("task", {"student-teacher"});
    Fields<S> fields = {
        bind(&S::rule, choice_param("rule", learning_rule_table(), d.rules, d.rule,
                                    "the learning rule that computes the weight updates")),
        bind(&S::task, choice_param("task", task_data_table(), {"mnist", "cubic", "student-teacher"}, "mnist",
                                    "the data set")),
        bind(&S::linear, linear),
    };
    for (const Field<S>& f : nested(&S::network, network_fields(net))) fields.push_back(f);
    for (const Field<S>& f : nested(&S::options, option_fields)) fields.push_back(f);
    for (const Field<S>& f : nested(&S::training, training_fields(net))) fields.push_back(f);
    return fields;
}

RuleLab::RuleLab(const Fields<RuleLabSettings>& fields, std::vector<Preset> presets)
    : SupervisedLab(specs_of(fields), std::move(presets)), fields_(fields) {}

void RuleLab::reset() {
    clear_error();
    settings_ = read_settings(fields_, params);
    const uint64_t seed = uint64_t(settings_.training.seed);
    const bool linear = settings_.linear && settings_.task == "student-teacher";
    try {
        data_ = task_data(settings_.task, seed, linear);
    } catch (const DataError& e) {
        fail_to_start(Problem::BadData, e.what());
        return;
    }

    // the same initial weights for every rule: the rule draws from its own stream
    Mlp net = make_net(settings_.network, settings_.training, linear);
    Rng rule_rng = random_stream(seed, Stream::Rule);
    std::unique_ptr<LearningRule> rule =
        learning_rule_table().find(settings_.rule).value(net, rule_rng, settings_.options);
    const int hidden = int(net.linears().size()) - 1;

    std::vector<int> probe(size_t(data_->train.size()));
    std::iota(probe.begin(), probe.end(), 0);
    Rng probe_rng = random_stream(seed, Stream::Probe);
    probe_rng.shuffle(probe);
    probe.resize(std::min<size_t>(probe.size(), 256));
    probe_x_ = data_->train.x(Eigen::all, probe);
    probe_y_ = data_->train.y(Eigen::all, probe);

    angles_ = UpdateAnglesInParts();  // none under way
    run.extra_columns.clear();
    for (int l = 1; l <= hidden; ++l) run.extra_columns.push_back("angle_to_bp_deg_l" + std::to_string(l));
    run.extra_columns.push_back("angle_to_bp_deg_all");
    for (const std::string& c : rule_columns(hidden)) run.extra_columns.push_back(c);
    // The angles before each row, over several steps: the forward pass, the rule's backward (its inference
    // in slices), then BP's, one part per step (each a few times a training chunk's work on the 256 probe
    // samples: DTP's backward, the largest, ~15 ms natively at the defaults); the row in a step of its own.
    run.trainer.hooks.before_row = [this] {
        if (!angles_.started()) angles_.start(run.net, *run.loss, *run.rule, probe_x_, probe_y_);
        if (!angles_.in_rule()) return angles_.advance(1);
        for_a_slice(
            run.slice_ms, 1, [&](int steps) { angles_.advance(steps); }, [&] { return !angles_.in_rule(); });
        return false;  // BP's part is next
    };
    run.trainer.hooks.end_epoch = [this] {
        const UpdateAngles& angles = angles_.result;
        for (size_t l = 0; l < angles.hidden.size(); ++l)
            run.trainer.epochs.explain_next(run.extra_columns[l], angles.hidden_undefined[l]);
        run.trainer.epochs.explain_next("angle_to_bp_deg_all", angles.all_undefined);
        std::vector<double> values = angles.hidden;
        values.push_back(angles.all);
        for (double v : rule_values()) values.push_back(v);
        return values;
    };
    start_run(std::move(net), std::move(rule), settings_.training);
}

std::vector<double> RuleLab::rule_values() {
    const std::map<std::string, double> diagnostics = run.rule->diagnostics();
    std::vector<double> values;
    for (const std::string& column : rule_columns(hidden_layers())) {
        auto found = diagnostics.find(column);
        values.push_back(found != diagnostics.end() ? found->second
                                                    : std::numeric_limits<double>::quiet_NaN());
        run.trainer.epochs.explain_next(column, "rule=" + settings_.rule + " has no " + column);
    }
    return values;
}

}  // namespace pl
