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
    // EXERCISE plasticity.stdp_pair_pre: The pair rule at synapse i's presynaptic spike (1 point)
    // HINT: depression first: w_i -= a_minus y, y the post trace now (y_.at(0, t_ms) decays it to t_ms),
    // HINT: clipped to [0, w_max]; then the pre trace x_i += 1: x_.at(i, t_ms) to decay it to now, then bump.
    // HINT: bump() adds 1 to the trace as it was at its last event: decay it to t_ms (at) before bumping.
    w(i) = std::clamp(w(i) - p.a_minus * y_.at(0, t_ms), 0.0, w_max);  // w -= a_minus y
    x_.at(i, t_ms);
    x_.bump(i);  // x += 1
    // END EXERCISE
}

void PairStdp::on_post(double t_ms) {
    // EXERCISE plasticity.stdp_pair_post: The pair rule at the postsynaptic spike (1 point)
    // HINT: potentiation first: every w_i += a_plus x_i, x the pre traces now (x_.all_at(t_ms)), clipped to
    // HINT: [0, w_max]; then the post trace y += 1: y_.at(0, t_ms) to decay it to now, then y_.bump(0).
    // HINT: summed over the pairs, w changes by a_plus e^(-dt/tau_plus) for each pre spike dt before a post
    // HINT: spike and by -a_minus e^(-dt/tau_minus) for each post spike dt before a pre spike (no clipping).
    w = (w + p.a_plus * x_.all_at(t_ms)).min(w_max).max(0.0);  // w += a_plus x
    y_.at(0, t_ms);
    y_.bump(0);  // y += 1
    // END EXERCISE
}

std::unique_ptr<StdpSynapses> make_pair_stdp(int n, const ParamLookup& value) {
    return std::make_unique<PairStdp>(n, pair_stdp_params(value));
}

}  // namespace pl
