#include "engine/song_abbott.h"
#include <cmath>
#include "engine/math.h"
#include "engine/random_streams.h"

namespace pl {

namespace {
constexpr double kMsPerSecond = 1000;  // ms/s
constexpr double kC_m_pF = 250;        // any capacitance: the drive is set as the voltage R I

LifNeuronParams song_abbott_neuron(const SongAbbottParams& p) {
    LifNeuronParams n;
    n.C_m_pF = kC_m_pF;
    n.tau_m_ms = p.tau_m_ms;
    n.E_L_mV = p.E_L_mV;
    n.V_th_mV = p.V_t_mV;
    n.V_reset_mV = p.V_r_mV;
    n.t_ref_ms = 0;
    return n;
}
}  // namespace

PairStdpParams song_abbott_stdp(const SongAbbottParams& p) {
    PairStdpParams s;
    s.tau_plus_ms = p.tau_pre_ms;
    s.tau_minus_ms = p.tau_post_ms;
    s.a_plus = p.a_pre_per_g_max * p.g_max;     // dA_pre = 0.01 g_max
    s.a_minus = p.depression_ratio * s.a_plus;  // -dA_post = 1.05 dA_pre
    s.w_max = p.g_max;
    return s;
}

SongAbbott::SongAbbott(const SongAbbottParams& params, uint64_t seed)
    : p(params),
      stdp_(params.inputs, song_abbott_stdp(params)),
      neuron_(1, song_abbott_neuron(params)),
      input_spikes_(params.inputs * params.input_rate_hz * params.dt_ms / kMsPerSecond),
      rng_(random_stream(seed, Stream::Noise)),
      I_pA_(Eigen::ArrayXd::Zero(1)) {
    Rng init = random_stream(seed, Stream::Init);
    for (double& w : stdp_.w) w = init.uniform(0, p.g_max);  // w = rand() g_max
}

void SongAbbott::step() {
    I_pA_(0) = g_e_ * (p.E_e_mV - neuron_.s.V(0)) /
               neuron_.p.R_GOhm();  // R I = g_e (E_e - V), V at the step's start
    neuron_.step(I_pA_, p.dt_ms);
    g_e_ *= pl::exp(-p.dt_ms / p.tau_e_ms);  // tau_e dg_e/dt = -g_e
    ++steps_;
    const double t = t_ms();
    const int spikes = input_spikes_.count(uint32_t(rng_.next() >> 32));
    for (int k = 0; k < spikes; ++k) {
        const int i = rng_.below(p.inputs);
        g_e_ += stdp_.w(i);  // the weight before this spike's own update, as brian2's on_pre
        stdp_.on_pre(i, t);
    }
    if (neuron_.spiked(0) > 0) {
        stdp_.on_post(t);
        ++post_spikes_;
    }
}

void SongAbbott::run(double duration_ms) {
    const long steps = std::lround(duration_ms / p.dt_ms);
    for (long k = 0; k < steps; ++k) step();
}

Eigen::ArrayXd weight_histogram(const Eigen::ArrayXd& w, double w_max, int bins) {
    Eigen::ArrayXd fraction = Eigen::ArrayXd::Zero(bins);
    for (double wi : w) fraction(std::min(int(wi / w_max * bins), bins - 1)) += 1;
    return fraction / double(w.size());
}

double bimodal_fraction(const Eigen::ArrayXd& w, double w_max) {
    return ((w <= 0.2 * w_max) || (w >= 0.8 * w_max)).cast<double>().mean();
}

SongAbbottRun run_song_abbott(const SongAbbottParams& p, uint64_t seed, double duration_s,
                              double record_every_s, int bins) {
    SongAbbott sim(p, seed);
    const int records = int(std::lround(duration_s / record_every_s));
    SongAbbottRun run;
    run.t_s.resize(records);
    run.rate_hz.resize(records);
    run.histograms.resize(records, bins);
    for (int k = 0; k < records; ++k) {
        const long spikes_before = sim.post_spikes();
        sim.run(record_every_s * kMsPerSecond);
        run.t_s(k) = sim.t_ms() / kMsPerSecond;
        run.rate_hz(k) = double(sim.post_spikes() - spikes_before) / record_every_s;
        run.histograms.row(k) = weight_histogram(sim.weights(), p.g_max, bins).matrix().transpose();
    }
    run.w = sim.weights();
    run.bimodal_fraction = bimodal_fraction(run.w, p.g_max);
    return run;
}

}  // namespace pl
