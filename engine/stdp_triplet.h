// The triplet STDP rule (Pfister & Gerstner 2006) on all-to-all traces with its visual-cortex parameters
// (NEST stdp_triplet's defaults): pair terms as the pair rule plus a post-post-pre and a pre-pre-post term.
#pragma once
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/stdp.h"

namespace pl {

struct TripletStdpParams {
    double tau_plus_ms = 16.8;   // pre trace r1: the pair potentiation window
    double tau_minus_ms = 33.7;  // post trace o1: the pair depression window
    double tau_x_ms = 101;       // pre trace r2: the pre-pre-post triplet window
    double tau_y_ms = 125;       // post trace o2: the post-post-pre triplet window
    double a2_plus = 5e-10;      // pair potentiation (weight unit)
    double a3_plus = 6.2e-3;     // triplet potentiation (weight unit)
    double a2_minus = 7e-3;      // pair depression (weight unit)
    double a3_minus = 2.3e-4;    // triplet depression (weight unit)
    double w_max = 1;            // upper weight bound (weight unit)
};

// tau_plus, tau_minus, tau_x, tau_y, a2_plus, a3_plus, a2_minus, a3_minus, w_max
const std::vector<ModelParam>& triplet_stdp_param_table();
TripletStdpParams triplet_stdp_params(const ParamLookup& value);

// Post spike: w += r1 (a2_plus + a3_plus o2), o2 taken before this spike's own increment; then o1, o2 += 1.
// Pre spike of synapse i: w_i -= o1 (a2_minus + a3_minus r2_i), r2_i before its increment; then r1_i, r2_i
// += 1.
class TripletStdp : public StdpSynapses {
public:
    TripletStdp(int n, const TripletStdpParams& params);
    void on_pre(int i, double t_ms) override;
    void on_post(double t_ms) override;

    TripletStdpParams p;

private:
    DecayingTraces r1_, r2_;  // pre traces per synapse (tau_plus, tau_x)
    DecayingTraces o1_, o2_;  // post traces (tau_minus, tau_y)
};

std::unique_ptr<StdpSynapses> make_triplet_stdp(int n, const ParamLookup& value);

}  // namespace pl
