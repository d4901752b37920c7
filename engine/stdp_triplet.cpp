#include "engine/stdp_triplet.h"
#include <algorithm>

namespace pl {

const std::vector<ModelParam>& triplet_stdp_param_table() {
    const TripletStdpParams d;  // the defaults
    static const std::vector<ModelParam> table = {
        {"tau_plus", "ms", d.tau_plus_ms, 1, 200, "pair potentiation window: decay of pre trace r1", {}},
        {"tau_minus", "ms", d.tau_minus_ms, 1, 200, "pair depression window: decay of post trace o1", {}},
        {"tau_x", "ms", d.tau_x_ms, 1, 1000, "pre-pre-post window: decay of pre trace r2", {}},
        {"tau_y", "ms", d.tau_y_ms, 1, 1000, "post-post-pre window: decay of post trace o2", {}},
        {"a2_plus", "w", d.a2_plus, 0, 0.1, "pair potentiation per pre-before-post pair", {}},
        {"a3_plus", "w", d.a3_plus, 0, 0.1, "triplet potentiation, scaled by the post trace o2", {}},
        {"a2_minus", "w", d.a2_minus, 0, 0.1, "pair depression per post-before-pre pair", {}},
        {"a3_minus", "w", d.a3_minus, 0, 0.1, "triplet depression, scaled by the pre trace r2", {}},
        {"w_max", "w", d.w_max, 0.001, 100, "upper weight bound (weights stay in [0, w_max])", {}},
    };
    return table;
}

TripletStdpParams triplet_stdp_params(const ParamLookup& value) {
    TripletStdpParams p;
    p.tau_plus_ms = value("tau_plus");
    p.tau_minus_ms = value("tau_minus");
    p.tau_x_ms = value("tau_x");
    p.tau_y_ms = value("tau_y");
    p.a2_plus = value("a2_plus");
    p.a3_plus = value("a3_plus");
    p.a2_minus = value("a2_minus");
    p.a3_minus = value("a3_minus");
    p.w_max = value("w_max");
    return p;
}

TripletStdp::TripletStdp(int n, const TripletStdpParams& params)
    : StdpSynapses(n, params.w_max),
      p(params),
      r1_(n, params.tau_plus_ms),
      r2_(n, params.tau_x_ms),
      o1_(1, params.tau_minus_ms),
      o2_(1, params.tau_y_ms) {}

void TripletStdp::on_pre(int i, double t_ms) {
    const double depression = o1_.at(0, t_ms) * (p.a2_minus + p.a3_minus * r2_.at(i, t_ms));
    w(i) = std::clamp(w(i) - depression, 0.0, w_max);  // w -= o1 (A2- + A3- r2(t - eps))
    r1_.at(i, t_ms);
    r1_.bump(i);
    r2_.bump(i);
}

void TripletStdp::on_post(double t_ms) {
    const double o2 = o2_.at(0, t_ms);
    w = (w + r1_.all_at(t_ms) * (p.a2_plus + p.a3_plus * o2)).min(w_max).max(0.0);  // w += r1 (A2+ + A3+ o2)
    o1_.at(0, t_ms);
    o1_.bump(0);
    o2_.bump(0);
}

std::unique_ptr<StdpSynapses> make_triplet_stdp(int n, const ParamLookup& value) {
    return std::make_unique<TripletStdp>(n, triplet_stdp_params(value));
}

}  // namespace pl
