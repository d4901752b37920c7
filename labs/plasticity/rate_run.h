// A rate rule (hebb, oja, bcm, sanger) learning in passes, a batch at a time: its data (the 2-D cloud, the
// centred digits or BCM's patterns), the weights, their truth (principal components) and what a pass
// measured.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "engine/dataset.h"
#include "engine/gaussian_cloud.h"
#include "engine/principal_components.h"
#include "engine/rate_rules.h"
#include "engine/rng.h"
#include "labs/model_param_specs.h"

namespace pl {

struct RateRunSettings {
    std::string rule;              // hebb, oja, bcm, sanger
    std::string input;             // hebb, oja: "cloud" or "digits" (sanger: digits; bcm: its patterns)
    ModelValues cloud;             // the 2-D cloud
    ModelValues values;            // eta, eta_decay, tau_theta, w_bound (rate_param_table)
    double initial_angle_deg = 0;  // the cloud's w0: a unit vector at this angle (the exercise's -20)
    int components = 1;            // sanger: outputs k
    int patterns = 3;              // bcm: input patterns
    int pattern_inputs = 20;       // bcm: inputs
    int pattern_samples = 1000;    // bcm: samples per pass (one pattern at random each)
    int batch = 1;                 // samples averaged per update
    int passes = 1;
};

// Whether the rule learns on the digits (sanger always; hebb and oja with input=digits), not the cloud or
// BCM's patterns.
inline bool learns_on_digits(const RateRunSettings& s) {
    return s.rule == "sanger" || (s.rule != "bcm" && s.input == "digits");
}

// What the weights are after a pass; NaN where it does not apply to the rule.
struct RateMeasures {
    double w_norm = 0;            // the largest row norm
    double angle_to_pc1_deg = 0;  // hebb, oja: w's axis to PC1
    double max_angle_deg = 0;     // sanger: the worst component's angle (component_angles_deg)
    double mean_angle_deg = 0;    // sanger: the components' mean angle
    double theta = 0;             // bcm: the sliding threshold
    double selectivity = 0;       // bcm: the largest response / the next
    double winner_response = 0;   // bcm: the largest response
};

class RateRun {
public:
    // `digits` for the rules on digits (their centred training images); `pcs`, if given, their components
    // from an earlier run (computing them takes about a second).
    RateRun(const RateRunSettings& settings, const std::shared_ptr<const Split>& digits,
            std::shared_ptr<const PrincipalComponents> pcs, uint64_t seed);

    // Up to `samples` more samples of the current pass (whole batches); true when that ended the pass.
    bool advance(int samples);
    bool done() const { return pass_ == s_.passes || !diverged.empty(); }
    int passes_done() const { return pass_; }
    double progress() const;
    RateMeasures measure() const;
    bool on_digits() const { return learns_on_digits(s_); }

    const RateRunSettings& settings() const { return s_; }
    RateParams params;
    Mat X;                                           // inputs x samples (the cloud, centred digits, patterns)
    RateState state;                                 // W: outputs x inputs
    std::shared_ptr<const PrincipalComponents> pcs;  // X's second moment (not bcm)
    std::vector<Eigen::Vector2d> path;  // the cloud: w at the start and after every path_stride-th update
    int path_stride = 1;                // updates between points of `path` (at most about 20,000 points)
    std::string diverged;               // why the weights diverged, "" while they have not

private:
    void begin_pass();
    RateRunSettings s_;
    Rng order_rng_;
    std::vector<int> order_;  // this pass's columns of X
    int pass_ = 0;
    size_t position_ = 0;  // into order_
    long updates_ = 0;
};

}  // namespace pl
