#include "engine/stdp_protocols.h"
#include <Eigen/Dense>
#include <cmath>
#include <limits>
#include <stdexcept>
#include "engine/math.h"
#include "engine/stdp.h"

namespace pl {

namespace {
constexpr double kMsPerSecond = 1000;  // ms/s
}

double stdp_pairing_dw(const std::string& rule, const ParamLookup& value, int pairings, double period_ms,
                       double dt_ms) {
    if (period_ms <= std::abs(dt_ms))
        throw std::invalid_argument("STDP pairings: the period must exceed |dt| (spikes stay in order)");
    std::unique_ptr<StdpSynapses> synapse = stdp_rule_table().find(rule).value.make(1, value);
    const double w_start = 1;  // weight unit
    synapse->w.setConstant(w_start);
    synapse->w_max = std::numeric_limits<double>::infinity();
    const double t0_ms = std::abs(dt_ms);  // every spike at t >= 0
    for (int k = 0; k < pairings; ++k) {
        const double t_pre_ms = t0_ms + k * period_ms, t_post_ms = t_pre_ms + dt_ms;
        if (t_pre_ms <= t_post_ms) {
            synapse->on_pre(0, t_pre_ms);
            synapse->on_post(t_post_ms);
        } else {
            synapse->on_post(t_post_ms);
            synapse->on_pre(0, t_pre_ms);
        }
    }
    return synapse->w(0) - w_start;
}

double fit_exponential_tau(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) {
    Eigen::MatrixXd design(x.size(), 2);
    design.col(0).setOnes();
    design.col(1) = x.matrix();
    const Eigen::VectorXd log_abs_y = pl::log(y.abs()).matrix();
    const Eigen::Vector2d coef = design.colPivHouseholderQr().solve(log_abs_y);  // log|y| = log A - x/tau
    return -1 / coef(1);
}

StdpWindow measure_stdp_window(const std::string& rule, const ParamLookup& value,
                               const StdpWindowProtocol& protocol) {
    const int sides = int(std::lround(protocol.dt_max_ms / protocol.dt_step_ms));
    StdpWindow window;
    window.dt_ms =
        Eigen::ArrayXd::LinSpaced(2 * sides + 1, -sides * protocol.dt_step_ms, sides * protocol.dt_step_ms);
    window.dw.resize(window.dt_ms.size());
    const double period_ms = kMsPerSecond / protocol.rate_hz;
    for (Eigen::Index k = 0; k < window.dt_ms.size(); ++k)
        window.dw(k) = stdp_pairing_dw(rule, value, protocol.pairings, period_ms, window.dt_ms(k));
    // the sides without dt = 0, each as a decay in |dt|, if it has 2 delays and one sign: depression before
    // dt = 0, potentiation after
    const Eigen::ArrayXd dw_minus = window.dw.head(sides), dw_plus = window.dw.tail(sides);
    if (sides >= 2 && (dw_minus < 0).all())
        window.fit_tau_minus_ms = fit_exponential_tau(-window.dt_ms.head(sides), dw_minus);
    if (sides >= 2 && (dw_plus > 0).all())
        window.fit_tau_plus_ms = fit_exponential_tau(window.dt_ms.tail(sides), dw_plus);
    return window;
}

std::vector<SjostromRow> sjostrom_protocol(const std::string& rule, const ParamLookup& value,
                                           const std::vector<double>& rates_hz, int pairings, double dt_ms) {
    std::vector<SjostromRow> rows;
    for (double rate_hz : rates_hz) {
        const double period_ms = kMsPerSecond / rate_hz;
        rows.push_back({rate_hz, stdp_pairing_dw(rule, value, pairings, period_ms, dt_ms),
                        stdp_pairing_dw(rule, value, pairings, period_ms, -dt_ms)});
    }
    return rows;
}

}  // namespace pl
