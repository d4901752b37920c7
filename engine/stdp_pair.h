// The pair STDP rule on all-to-all traces (Bi & Poo 1998, taus as fitted in Bi & Poo 2001): every pre-post
// pair adds a_plus e^(-dt/tau_plus) for dt = t_post - t_pre > 0 and -a_minus e^(dt/tau_minus) for dt < 0.
#pragma once
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/stdp.h"

namespace pl {

struct PairStdpParams {
    double tau_plus_ms = 16.8;   // pre trace x: the potentiation window (Bi & Poo 2001's fit)
    double tau_minus_ms = 33.7;  // post trace y: the depression window (Bi & Poo 2001's fit)
    double a_plus = 0.005;       // weight per pairing at dt -> 0+ (Song, Miller & Abbott 2000's A+)
    double a_minus = 0.00525;    // weight per pairing at dt -> 0- (A-/A+ = 1.05, Song et al. 2000)
    double w_max = 1;            // upper weight bound (weight unit)
};

const std::vector<ModelParam>& pair_stdp_param_table();  // tau_plus, tau_minus, a_plus, a_minus, w_max
PairStdpParams pair_stdp_params(const ParamLookup& value);

// Pre spike of synapse i: w_i -= a_minus y, then x_i += 1. Post spike: w += a_plus x, then y += 1.
class PairStdp : public StdpSynapses {
public:
    PairStdp(int n, const PairStdpParams& params);
    void on_pre(int i, double t_ms) override;
    void on_post(double t_ms) override;

    PairStdpParams p;

private:
    DecayingTraces x_;  // one pre trace per synapse (tau_plus)
    DecayingTraces y_;  // the post trace (tau_minus)
};

std::unique_ptr<StdpSynapses> make_pair_stdp(int n, const ParamLookup& value);

}  // namespace pl
