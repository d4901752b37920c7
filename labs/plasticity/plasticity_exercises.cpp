// The public tests of the plasticity lab's exercises: Oja's update (engine/oja_rule.cpp) on seeded batches,
// the pair STDP rule's spike updates (engine/stdp_pair.cpp) on seeded Poisson trains, and Diehl & Cook's
// adaptive threshold and weight normalisation (engine/diehl_cook.cpp) in a small network on synthetic digits.
#include <algorithm>
#include <cmath>
#include <limits>
#include "engine/diehl_cook.h"
#include "engine/math.h"
#include "engine/random_streams.h"
#include "engine/rate_rules.h"
#include "engine/stdp_pair.h"
#include "labs/exercise.h"

namespace pl {

namespace {

constexpr double kMsPerSecond = 1000;  // ms/s

Mat normal_mat(Rng& rng, int rows, int cols, double sd) {
    Mat m(rows, cols);
    for (Real& v : m.reshaped()) v = rng.normal(0, sd);
    return m;
}

// Oja's rule, `batches` steps of `batch` samples N(0, 1) from W0 ~ N(0, 0.5^2): W after each step, its k rows
// side by side (a row of the output per step).
std::vector<ProbeOutput> oja_outputs(uint64_t seed, int outputs, int inputs, int batch, int batches) {
    Rng rng = random_stream(seed, Stream::Probe);
    RateParams p;
    p.eta = 0.05;
    RateState s = rate_state(normal_mat(rng, outputs, inputs, 0.5));
    Mat W_after(batches, outputs * inputs);
    for (int k = 0; k < batches; ++k) {
        rate_step("oja", p, normal_mat(rng, inputs, batch, 1), s);
        W_after.row(k) = s.W.transpose().reshaped().transpose();  // row-major: output 0's weights first
    }
    return {
        {"W after each step (a row per step, W's rows side by side)", W_after, 1e-10,
         "y = W x for each sample (column of X); dW = eta (<y x^T> - diag(<y^2>) W), the decay term "
         "subtracted, <.> the mean over the batch's columns (divide by X.cols())"},
    };
}

std::vector<ProbeOutput> oja_one_sample(uint64_t seed) { return oja_outputs(seed, 1, 2, 1, 6); }
std::vector<ProbeOutput> oja_batch(uint64_t seed) { return oja_outputs(seed, 3, 5, 8, 4); }

// Poisson spike times at `rate_hz` over [0, duration_ms)
std::vector<double> poisson_train(Rng& rng, double rate_hz, double duration_ms) {
    std::vector<double> t_ms;
    for (double t = -pl::log(1 - rng.uniform()) * kMsPerSecond / rate_hz; t < duration_ms;
         t += -pl::log(1 - rng.uniform()) * kMsPerSecond / rate_hz)
        t_ms.push_back(t);
    return t_ms;
}

// n synapses from w0 under Poisson pre trains and a post train at 20 Hz for 1 s, fed in time order: the
// weights after each spike (n x spikes).
Mat pair_weights(uint64_t seed, int n, const PairStdpParams& p, double w0) {
    Rng rng = random_stream(seed, Stream::Probe);
    struct Spike {
        double t_ms;
        int pre;  // the synapse whose presynaptic spike it is; -1: the postsynaptic spike
    };
    std::vector<Spike> spikes;
    for (int i = -1; i < n; ++i)
        for (double t : poisson_train(rng, 20, 1000)) spikes.push_back({t, i});
    std::stable_sort(spikes.begin(), spikes.end(),
                     [](const Spike& a, const Spike& b) { return a.t_ms < b.t_ms; });
    PairStdp synapses(n, p);
    synapses.w.setConstant(w0);
    Mat w_after(n, int(spikes.size()));
    for (int k = 0; k < int(spikes.size()); ++k) {
        if (spikes[k].pre < 0)
            synapses.on_post(spikes[k].t_ms);
        else
            synapses.on_pre(spikes[k].pre, spikes[k].t_ms);
        w_after.col(k) = synapses.w.matrix().cast<Real>();
    }
    return w_after;
}

// The weights after each spike, with the closed form of the pair rule in the hint.
std::vector<ProbeOutput> pair_outputs(uint64_t seed, int n, const PairStdpParams& p, double w0,
                                      const std::string& hint) {
    return {{"w after each spike (a column per spike, pre and post in time order)",
             pair_weights(seed, n, p, w0), 1e-12,
             hint +
                 "without clipping w changes by the sum over pairs: a_plus e^(-dt/tau_plus) for each pre "
                 "spike dt before a post spike, -a_minus e^(-dt/tau_minus) for each post spike dt before a "
                 "pre spike"}};
}

std::vector<ProbeOutput> pair_depression(uint64_t seed) {
    PairStdpParams p;
    p.a_plus = 0;  // potentiation off: only the pre spikes change w
    p.a_minus = 0.05;
    return pair_outputs(seed, 3, p, 0.5,
                        "a pre spike of synapse i: w_i -= a_minus y (y the post trace decayed to now), "
                        "clipped at 0; then x_i += 1. ");
}

std::vector<ProbeOutput> pair_potentiation(uint64_t seed) {
    PairStdpParams p;
    p.a_plus = 0.15;
    p.a_minus = 0;  // depression off: only the post spikes change w
    return pair_outputs(
        seed, 3, p, 0.5,
        "the post spike: every w_i += a_plus x_i (x the pre traces decayed to now), clipped at "
        "w_max; then y += 1. ");
}

std::vector<ProbeOutput> pair_both(uint64_t seed) {
    PairStdpParams p;
    p.w_max = std::numeric_limits<double>::infinity();  // no clipping: the closed form holds exactly
    return pair_outputs(seed, 4, p, 1, "");
}

// 784 pixels: 20% of them lit at U[0.5, 1), the rest dark
Eigen::VectorXd synthetic_digit(Rng& rng) {
    Eigen::VectorXd pixels = Eigen::VectorXd::Zero(784);
    for (double& v : pixels)
        if (rng.uniform() < 0.2) v = rng.uniform(0.5, 1);
    return pixels;
}

// A network of 6 neurons learns 3 synthetic digits, then sees a 4th at test time: theta and the spike counts
// after each digit (a column per digit).
std::vector<ProbeOutput> threshold_outputs(uint64_t seed, double tau_theta_ms) {
    Rng rng = random_stream(seed, Stream::Probe);
    DiehlCookParams p;
    p.neurons = 6;
    p.tau_theta_ms = tau_theta_ms;
    DiehlCook net(p, seed);
    const int digits = 4;
    Mat theta(p.neurons, digits), counts(p.neurons, digits);
    for (int d = 0; d < digits; ++d) {
        const bool learn = d < digits - 1;
        counts.col(d) = net.present(synthetic_digit(rng), learn).cast<Real>().matrix();
        theta.col(d) = net.theta_mV().cast<Real>().matrix();
    }
    return {
        {"theta (mV) after each digit (the last one at test time)", theta, 1e-4,
         "theta decays by exp(-dt/tau_theta) every step, then grows by theta_plus per spike, only while "
         "learning: the test digit leaves theta as it was"},
        {"spikes per digit", counts, 0.5,
         "a spike needs V > V_thresh + theta: a theta that grows too little or too much changes the counts"},
    };
}

std::vector<ProbeOutput> threshold_slow_decay(uint64_t seed) { return threshold_outputs(seed, 1e7); }
std::vector<ProbeOutput> threshold_fast_decay(uint64_t seed) { return threshold_outputs(seed, 1e3); }

// The input weights of a network of `neurons` (w_sum as given) normalised: after `digits` learned synthetic
// digits (each normalises first, then STDP moves the sums), then once more.
std::vector<ProbeOutput> normalisation_outputs(uint64_t seed, int neurons, double w_sum, int digits) {
    Rng rng = random_stream(seed, Stream::Probe);
    DiehlCookParams p;
    p.neurons = neurons;
    p.w_sum = w_sum;
    DiehlCook net(p, seed);
    for (int d = 0; d < digits; ++d) net.present(synthetic_digit(rng), true);
    net.normalise_weights();
    const Mat w = net.weights().cast<Real>();
    return {
        {"each neuron's weight sum", w.colwise().sum(), 1e-3,
         "column j of the 784 x N weights is neuron j's input: each column must sum to w_sum"},
        {"w (784 x N)", w, 1e-6,
         "scale each column by w_sum / its sum: the ratios between one neuron's weights stay as they were"},
    };
}

std::vector<ProbeOutput> normalisation_fresh(uint64_t seed) { return normalisation_outputs(seed, 6, 78, 0); }
std::vector<ProbeOutput> normalisation_learned(uint64_t seed) {
    return normalisation_outputs(seed, 4, 40, 2);
}

}  // namespace

std::vector<ExerciseProbe> plasticity_exercise_probes() {
    return {
        {"plasticity.oja_update", "1 output, 2 inputs, 6 single samples", oja_one_sample},
        {"plasticity.oja_update", "3 outputs, 5 inputs, 4 batches of 8", oja_batch},
        {"plasticity.stdp_pair_pre", "3 synapses, 20 Hz for 1 s, depression only", pair_depression},
        {"plasticity.stdp_pair_pre", "4 synapses, 20 Hz for 1 s, no clipping: the sum over pairs", pair_both},
        {"plasticity.stdp_pair_post", "3 synapses, 20 Hz for 1 s, potentiation only", pair_potentiation},
        {"plasticity.diehl_cook_threshold", "6 neurons, 3 digits learned, 1 tested, tau_theta 1e7 ms",
         threshold_slow_decay},
        {"plasticity.diehl_cook_threshold", "6 neurons, 3 digits learned, 1 tested, tau_theta 1e3 ms",
         threshold_fast_decay},
        {"plasticity.diehl_cook_normalisation", "6 neurons, the initial weights, w_sum 78",
         normalisation_fresh},
        {"plasticity.diehl_cook_normalisation", "4 neurons after 2 learned digits, w_sum 40",
         normalisation_learned},
    };
}

}  // namespace pl
