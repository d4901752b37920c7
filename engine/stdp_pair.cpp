#include "engine/stdp_pair.h"
#include <algorithm>

namespace pl {

const std::vector<ModelParam>& pair_stdp_param_table() {
    const PairStdpParams d;  // the defaults
    static const std::vector<ModelParam> table = {
        {"tau_plus", "ms", d.tau_plus_ms, 1, 200, "potentiation window: decay of the pre trace", {}},
        {"tau_minus", "ms", d.tau_minus_ms, 1, 200, "depression window: decay of the post trace", {}},
        {"a_plus", "w", d.a_plus, 0, 0.1, "potentiation per pre-before-post pair at dt -> 0", {}},
        {"a_minus", "w", d.a_minus, 0, 0.1, "depression per post-before-pre pair at dt -> 0", {}},
        {"w_max", "w", d.w_max, 0.001, 100, "upper weight bound (weights stay in [0, w_max])", {}},
    };
    return table;
}

PairStdpParams pair_stdp_params(const ParamLookup& value) {
    PairStdpParams p;
    p.tau_plus_ms = value("tau_plus");
    p.tau_minus_ms = value("tau_minus");
    p.a_plus = value("a_plus");
    p.a_minus = value("a_minus");
    p.w_max = value("w_max");
    return p;
}

PairStdp::PairStdp(int n, const PairStdpParams& params)
    : StdpSynapses(n, params.w_max), p(params), x_(n, params.tau_plus_ms), y_(1, params.tau_minus_ms) {}

void PairStdp::on_pre(int i, double t_ms) {
    w(i) = std::clamp(w(i) - p.a_minus * y_.at(0, t_ms), 0.0, w_max);  // w -= a_minus y
    x_.at(i, t_ms);
    x_.bump(i);  // x += 1
}

void PairStdp::on_post(double t_ms) {
    w = (w + p.a_plus * x_.all_at(t_ms)).min(w_max).max(0.0);  // w += a_plus x
    y_.at(0, t_ms);
    y_.bump(0);  // y += 1
}

std::unique_ptr<StdpSynapses> make_pair_stdp(int n, const ParamLookup& value) {
    return std::make_unique<PairStdp>(n, pair_stdp_params(value));
}

}  // namespace pl
