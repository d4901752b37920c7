// Song, Miller & Abbott 2000 as brian2's examples/synapses/STDP.py adapts it: one LIF neuron driven by 1000
// Poisson inputs through synapses with additive pair STDP (A-/A+ = 1.05); the weights become bimodal.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include "engine/lif_neuron.h"
#include "engine/poisson_counts.h"
#include "engine/rng.h"
#include "engine/stdp_pair.h"

namespace pl {

// tau_m dV/dt = g_e (E_e - V) + E_L - V, tau_e dg_e/dt = -g_e (brian2 2.x's example; its 2.0 version drove
// V with the fixed force E_e - V_r); an input spike adds its weight w to g_e (a conductance relative to the
// leak).
struct SongAbbottParams {
    int inputs = 1000;               // Poisson inputs
    double input_rate_hz = 15;       // each input's rate
    double tau_m_ms = 10;            // membrane time constant
    double E_e_mV = 0;               // excitatory reversal potential
    double V_t_mV = -54;             // threshold
    double V_r_mV = -60;             // reset
    double E_L_mV = -74;             // leak reversal (rest)
    double tau_e_ms = 5;             // decay of the excitatory conductance
    double tau_pre_ms = 20;          // STDP pre trace
    double tau_post_ms = 20;         // STDP post trace
    double g_max = 0.01;             // upper weight bound (conductance relative to the leak)
    double a_pre_per_g_max = 0.01;   // potentiation step dA_pre / g_max
    double depression_ratio = 1.05;  // -dA_post / dA_pre
    double dt_ms = 0.1;              // step (brian2's default clock)
};

PairStdpParams song_abbott_stdp(const SongAbbottParams& p);  // the pair rule with brian2's example values

class SongAbbott {
public:
    SongAbbott(const SongAbbottParams& params, uint64_t seed);  // weights U(0, g_max) from Stream::Init
    void run(double duration_ms);                               // whole steps of dt
    double t_ms() const { return double(steps_) * p.dt_ms; }
    long post_spikes() const { return post_spikes_; }  // since the start
    const Eigen::ArrayXd& weights() const { return stdp_.w; }

    SongAbbottParams p;

private:
    void step();
    PairStdp stdp_;
    LifNeurons neuron_;
    PoissonCounts input_spikes_;  // spikes of all inputs in one step: Poisson(inputs rate dt)
    Rng rng_;                     // Stream::Noise: input spike counts and which inputs fired
    Eigen::ArrayXd I_pA_;         // the neuron's drive this step
    double g_e_ = 0;              // excitatory conductance (relative to the leak)
    long steps_ = 0;
    long post_spikes_ = 0;
};

// The fraction of the weights in each of `bins` equal bins of [0, w_max].
Eigen::ArrayXd weight_histogram(const Eigen::ArrayXd& w, double w_max, int bins);
// The fraction of the weights in the outer fifths of [0, w_max]: w <= w_max/5 or w >= 4 w_max/5.
double bimodal_fraction(const Eigen::ArrayXd& w, double w_max);

struct SongAbbottRun {
    Eigen::ArrayXd t_s;          // the end of each record interval
    Eigen::ArrayXd rate_hz;      // output rate in each interval
    Eigen::MatrixXd histograms;  // row k: weight_histogram at t_s(k)
    Eigen::ArrayXd w;            // the weights at the end
    double bimodal_fraction = 0;
};

SongAbbottRun run_song_abbott(const SongAbbottParams& p, uint64_t seed, double duration_s,
                              double record_every_s = 1, int bins = 20);

}  // namespace pl
