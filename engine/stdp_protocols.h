// The classic STDP experiments on one synapse, run on a rule from stdp_rule_table(): the window (dw against
// the pre-post delay, with an exponential fit of each side) and Sjostrom et al. 2001's frequency protocol.
#pragma once
#include <Eigen/Core>
#include <limits>
#include <string>
#include <vector>
#include "engine/model_param.h"

namespace pl {

// The change of one weight that starts at 1 with its upper bound lifted (the protocol measures the rule, not
// the clip) after `pairings` pairings every period_ms: pre at t_k, post at t_k + dt_ms (dt < 0: post first).
double stdp_pairing_dw(const std::string& rule, const ParamLookup& value, int pairings, double period_ms,
                       double dt_ms);

struct StdpWindowProtocol {
    double dt_max_ms = 100;  // delays from -dt_max to +dt_max
    double dt_step_ms = 5;   // between delays
    int pairings = 60;       // per delay
    double rate_hz = 1;      // pairing rate: at 1 Hz, pairings 1 s apart do not interact
};

struct StdpWindow {
    Eigen::ArrayXd dt_ms;  // t_post - t_pre
    Eigen::ArrayXd dw;     // the weight change after the pairings at each delay
    // dw = A e^(-dt/tau_plus) fitted to dt > 0; NaN unless that side has 2 delays that all potentiate
    double fit_tau_plus_ms = std::numeric_limits<double>::quiet_NaN();
    // dw = -A e^(dt/tau_minus) fitted to dt < 0; NaN unless that side has 2 delays that all depress
    double fit_tau_minus_ms = std::numeric_limits<double>::quiet_NaN();
};

StdpWindow measure_stdp_window(const std::string& rule, const ParamLookup& value,
                               const StdpWindowProtocol& protocol = {});

// tau of y = A e^(-x/tau) by least squares on log|y| = log A - x/tau (every y nonzero, of one sign).
double fit_exponential_tau(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y);

struct SjostromRow {
    double rate_hz = 0;
    double dw_pre_post = 0;  // dt = +dt_ms: pre leads
    double dw_post_pre = 0;  // dt = -dt_ms: post leads
};

// Sjostrom, Turrigiano & Nelson 2001: `pairings` pairings at each rate with dt = +-dt_ms.
std::vector<SjostromRow> sjostrom_protocol(const std::string& rule, const ParamLookup& value,
                                           const std::vector<double>& rates_hz = {0.1, 10, 20, 40, 50},
                                           int pairings = 60, double dt_ms = 10);

}  // namespace pl
