// The learning rules by name, one table line each: name, one-line help and a factory that builds the rule
// for a net from the rule's Rng (random_stream(seed, Stream::Rule)) and the shared RuleOptions.
#pragma once
#include <functional>
#include <memory>
#include "engine/learning_rule.h"
#include "engine/rng.h"
#include "engine/table.h"
#include "engine/target_prop.h"

namespace pl {

// Every rule's parameters; a rule reads only its own.
struct RuleOptions {
    double feedback_scale = 1.0;  // FA, DFA, Kolen-Pollack: B ~ N(0, scale^2 / rows)
    DtpOptions dtp;               // difference target propagation
    int pc_steps = 20;            // predictive coding: inference steps before each weight update
    double pc_rate = 0.05;        // predictive coding: inference rate
    double kp_decay = 1e-3;       // Kolen-Pollack: W_l and B_l shrink by this fraction every step
};

using RuleFactory =
    std::function<std::unique_ptr<LearningRule>(const Mlp& net, Rng& rng, const RuleOptions& options)>;

// bp, fa, dfa, sign, kolen-pollack, dtp, pc
const Table<RuleFactory>& learning_rule_table();

// The factories of rules that live in one .cpp file without a header.
std::unique_ptr<LearningRule> make_kolen_pollack(const Mlp& net, Rng& rng, const RuleOptions& options);

}  // namespace pl
