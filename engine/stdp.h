// Spike-timing-dependent plasticity of n synapses onto one postsynaptic neuron, event-driven: a presynaptic
// spike touches its own synapse, a postsynaptic spike every synapse; traces decay exactly between events.
#pragma once
#include <Eigen/Core>
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/table.h"

namespace pl {

// n traces, each decaying exactly between its own events: x(t) = x(t0) exp(-(t - t0)/tau).
class DecayingTraces {
public:
    DecayingTraces(int n, double tau_ms);
    double at(int i, double t_ms);              // trace i decayed to t (and kept there)
    const Eigen::ArrayXd& all_at(double t_ms);  // every trace decayed to t (and kept there)
    void bump(int i) { x_(i) += 1; }            // a spike of train i: x += 1

private:
    double tau_ms_;
    Eigen::ArrayXd x_;     // the traces at their last events
    Eigen::ArrayXd t_ms_;  // the time of each trace's last event
};

// Spike times are in ms and never decrease from one call to the next.
class StdpSynapses {
public:
    StdpSynapses(int n, double w_max_) : w(Eigen::ArrayXd::Zero(n)), w_max(w_max_) {}
    virtual ~StdpSynapses() = default;
    int size() const { return int(w.size()); }
    virtual void on_pre(int i,
                        double t_ms) = 0;   // synapse i's presynaptic spike: depression, then pre traces
    virtual void on_post(double t_ms) = 0;  // the postsynaptic spike: potentiation, then post traces

    Eigen::ArrayXd w;  // the weights, clipped to [0, w_max] by every update
    double w_max;      // the upper bound (the rule's w_max; a protocol may lift it to infinity)
};

struct StdpRule {
    const std::vector<ModelParam>& (*params)();                              // names, units, defaults, ranges
    std::unique_ptr<StdpSynapses> (*make)(int n, const ParamLookup& value);  // n synapses at w = 0
};

const Table<StdpRule>& stdp_rule_table();  // pair, triplet

}  // namespace pl
