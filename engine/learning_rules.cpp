// The table of learning rules: every rule the labs offer, by name.
#include "engine/learning_rules.h"
#include "engine/feedback_alignment.h"
#include "engine/predictive_coding.h"

namespace pl {

using Made = std::unique_ptr<LearningRule>;

const Table<RuleFactory>& learning_rule_table() {
    static const Table<RuleFactory> table(
        "learning rule",
        {
            {"bp", "backprop: the exact gradient, errors sent down through W^T",
             [](const Mlp&, Rng&, const RuleOptions&) -> Made { return std::make_unique<Backprop>(); }},
            {"fa", "feedback alignment: errors sent down through fixed random matrices B",
             [](const Mlp& net, Rng& rng, const RuleOptions& o) -> Made {
                 return std::make_unique<FeedbackAlignment>(net, rng, o.feedback_scale);
             }},
            {"dfa", "direct feedback alignment: the output error sent straight to every hidden layer",
             [](const Mlp& net, Rng& rng, const RuleOptions& o) -> Made {
                 return std::make_unique<DirectFeedbackAlignment>(net, rng, o.feedback_scale);
             }},
            {"sign", "sign symmetry: errors sent down through sign(W)^T",
             [](const Mlp&, Rng&, const RuleOptions&) -> Made { return std::make_unique<SignSymmetry>(); }},
            {"kolen-pollack", "Kolen-Pollack: B learns W^T's update, weight decay on both; B -> W^T",
             make_kolen_pollack},
            {"dtp", "difference target propagation: targets sent down through learned inverses",
             [](const Mlp& net, Rng& rng, const RuleOptions& o) -> Made {
                 return std::make_unique<DifferenceTargetProp>(net, rng, o.dtp);
             }},
            {"pc", "predictive coding: value nodes settle, then each layer learns from its prediction error",
             [](const Mlp&, Rng&, const RuleOptions& o) -> Made {
                 return std::make_unique<PredictiveCoding>(o.pc_steps, o.pc_rate);
             }},
        });
    return table;
}

}  // namespace pl
