// Local rate-based plasticity rules on a linear layer y = W x (hebb, oja, bcm, sanger) as a table, one step
// per sample or per small batch (columns of X, averaged); weights diverging is detected with a reason.
#pragma once
#include <string>
#include <vector>
#include "engine/model_param.h"
#include "engine/table.h"
#include "engine/tensor.h"

namespace pl {

struct RateParams {
    double eta = 0.005;     // learning rate, in 1 / input^2 (the inputs here are unitless)
    double eta_decay = 0;   // eta_t = eta / (1 + t / eta_decay), t in samples; 0: eta stays constant
    double tau_theta = 20;  // bcm: the sliding threshold's time constant, in samples (>= the batch)
    double w_bound = 1e3;   // |row of W| beyond this counts as diverged
};

struct RateState {
    Mat W;             // k outputs x n inputs, one output's weights per row
    Vec theta;         // bcm: the sliding threshold of each output (~ <y^2>)
    long samples = 0;  // samples presented so far
};

// One update from the batch X (inputs x samples), averaged over its columns.
using RateStep = void (*)(const RateParams& p, const Mat& X, RateState& s);
struct RateRule {
    RateStep step;
    const char* why_it_diverges;  // what the lab says when the weights diverge
};
const Table<RateRule>& rate_rule_table();  // hebb, oja, bcm, sanger

const std::vector<ModelParam>& rate_param_table();  // eta, eta_decay, tau_theta, w_bound
RateParams rate_params(const ParamLookup& value);

// The state at the start: the weights W0 (k x n), every theta 0, no samples yet.
RateState rate_state(Mat W0);
// The rule's update for the batch X at the rate eta_t; throws std::invalid_argument on an unknown rule,
// listing the valid ones.
void rate_step(const std::string& rule, const RateParams& p, const Mat& X, RateState& s);

// One pass: the columns of X in `order` (every column in turn if `order` is empty), `batch` at a time (the
// last batch may be shorter, batch < 1 throws); stops at a divergence and returns its reason, "" if none.
std::string rate_pass(const std::string& rule, const RateParams& p, const Mat& X,
                      const std::vector<int>& order, int batch, RateState& s);

// "" while every weight is finite and every row's norm is within p.w_bound; else when, how far and the rule's
// why_it_diverges (for the lab).
std::string divergence_reason(const std::string& rule, const RateParams& p, const RateState& s);

}  // namespace pl
