// Brunel (2000) model A: sparse E/I LIF network, delta synapses, one delay, fixed in-degree, external Poisson
// drive; scaled down from 12,500 neurons keeping J C_E, so the mean input and nu_thr stay the paper's.
#pragma once
#include "engine/poisson_counts.h"
#include "engine/refractory_hold.h"
#include "engine/spiking_network.h"

namespace pl {

struct BrunelSettings {
    int n_exc = 2000;       // N_E (N_I = N_E / 4): C_E = 200, J = 0.5 mV; Brunel's figures have 10,000
    double g = 5.0;         // relative strength of inhibition: J_I = -g J
    double ratio = 2.0;     // nu_ext / nu_thr
    double delay_ms = 1.5;  // D
};

// tau dV/dt = -V + RI(t), RI = tau sum_j J_j sum_k delta(t - t_j^k - D) + external Poisson spikes of size J
// at rate C_E nu_ext; V >= theta: a spike, V = Vr, inputs ignored for t_ref. C_E = eps N_E inputs from
// random E neurons, C_I = eps N_I from I neurons (multapses possible), J = 0.1 mV * 1000 / C_E.
class BrunelNetwork : public SpikingNetwork {
public:
    explicit BrunelNetwork(const BrunelSettings& settings);
    int c_exc() const;         // C_E
    int c_inh() const;         // C_I
    double j_mV() const;       // J
    double nu_thr_hz() const;  // theta / (J C_E tau): the external rate that alone brings V to threshold

    static const std::vector<ModelParam>& params();  // brunel_n_exc, brunel_g, brunel_ratio, brunel_delay
    static BrunelSettings settings_from(const ParamLookup& value);

private:
    void rebuild(uint64_t seed) override;
    void advance(uint64_t step, std::vector<int>& fired) override;

    BrunelSettings settings_;
    int delay_steps_;
    PoissonCounts external_;  // external spikes per neuron per step
    Rng external_rng_;
    Eigen::ArrayXf external_count_;
    Eigen::ArrayXXf arriving_mV_;  // ring buffer: column (step mod (D + 1)) holds the input arriving then
    RefractoryHold refractory_;
};

struct BrunelRegime {
    double g, ratio;  // brunel_g, brunel_ratio
};
const Table<BrunelRegime>& brunel_regime_table();  // Brunel's Fig. 8: sr, ai, si-fast, si-slow

}  // namespace pl
