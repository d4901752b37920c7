// The CUBA benchmark (Brette et al. 2007, benchmark 2; Vogels & Abbott 2005) as Brian2's examples/CUBA.py:
// LIF neurons with exponential current synapses, exact subthreshold integration, spikes on the dt grid.
#pragma once
#include "engine/refractory_hold.h"
#include "engine/spiking_network.h"

namespace pl {

struct CubaSettings {
    int n = 4000;          // neurons: the first 80% excitatory
    double p = 0.02;       // connection probability of every ordered pair (autapses and all)
    double we_mV = 1.62;   // an excitatory spike's jump of ge: 60 * 0.27 / 10 mV
    double wi_mV = -9.0;   // an inhibitory spike's jump of gi: -20 * 4.5 / 10 mV
    double el_mV = -49.0;  // the leak's reversal, above threshold: the drive
};

// dv/dt = (ge + gi - (v - El)) / taum (unless refractory), dge/dt = -ge / taue, dgi/dt = -gi / taui;
// v > Vt: a spike, v = Vr for the refractory time, and the neuron's row of weights is added to ge (E) or gi
// (I).
class CubaNetwork : public SpikingNetwork {
public:
    explicit CubaNetwork(const CubaSettings& settings);
    const Eigen::ArrayXf& ge_mV() const { return ge_mV_; }
    const Eigen::ArrayXf& gi_mV() const { return gi_mV_; }

    static const std::vector<ModelParam>& params();  // cuba_n, cuba_p, cuba_we, cuba_wi, cuba_el
    static CubaSettings settings_from(const ParamLookup& value);

private:
    void rebuild(uint64_t seed) override;
    void advance(uint64_t step, std::vector<int>& fired) override;

    CubaSettings settings_;
    Eigen::ArrayXf ge_mV_, gi_mV_;
    RefractoryHold refractory_;
};

}  // namespace pl
