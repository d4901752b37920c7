#include "engine/stdp.h"
#include <cmath>
#include "engine/math.h"
#include "engine/stdp_pair.h"
#include "engine/stdp_triplet.h"

namespace pl {

DecayingTraces::DecayingTraces(int n, double tau_ms)
    : tau_ms_(tau_ms), x_(Eigen::ArrayXd::Zero(n)), t_ms_(Eigen::ArrayXd::Zero(n)) {}

double DecayingTraces::at(int i, double t_ms) {
    x_(i) *= pl::exp(-(t_ms - t_ms_(i)) / tau_ms_);  // x(t) = x(t0) exp(-(t - t0)/tau)
    t_ms_(i) = t_ms;
    return x_(i);
}

const Eigen::ArrayXd& DecayingTraces::all_at(double t_ms) {
    x_ *= pl::exp(-(t_ms - t_ms_) / tau_ms_);  // x(t) = x(t0) exp(-(t - t0)/tau)
    t_ms_.setConstant(t_ms);
    return x_;
}

const Table<StdpRule>& stdp_rule_table() {
    static const Table<StdpRule> table(
        "STDP rule", {
                         {"pair",
                          "Bi & Poo's pair rule: pre before post potentiates by a_plus e^(-dt/tau_plus), "
                          "post before pre depresses by a_minus e^(dt/tau_minus); all-to-all traces",
                          {pair_stdp_param_table, make_pair_stdp}},
                         {"triplet",
                          "Pfister & Gerstner 2006: pair terms plus triplet terms that make high "
                          "frequencies potentiate; visual cortex, all-to-all",
                          {triplet_stdp_param_table, make_triplet_stdp}},
                     });
    return table;
}

}  // namespace pl
