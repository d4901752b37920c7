// STDP (engine/stdp.h): the event-driven pair and triplet rules against sums over every spike pair and
// triplet; the window protocol's fit returns the taus that were set; Sjostrom 2001's frequency dependence;
// Song, Miller & Abbott 2000's competition makes the weights bimodal while the output rate settles.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include "engine/random_streams.h"
#include "engine/song_abbott.h"
#include "engine/stdp.h"
#include "engine/stdp_pair.h"
#include "engine/stdp_protocols.h"
#include "engine/stdp_triplet.h"

using namespace pl;

namespace {

std::vector<double> poisson_train(Rng& rng, double rate_hz, double duration_ms) {
    std::vector<double> t_ms;
    for (double t = -std::log(1 - rng.uniform()) * 1000 / rate_hz; t < duration_ms;
         t += -std::log(1 - rng.uniform()) * 1000 / rate_hz)
        t_ms.push_back(t);
    return t_ms;
}

// Feeds both trains to one synapse in time order; returns its weight change (w starts at 1, no upper bound).
double event_driven_dw(StdpSynapses& synapse, const std::vector<double>& pre,
                       const std::vector<double>& post) {
    synapse.w.setConstant(1);
    synapse.w_max = std::numeric_limits<double>::infinity();
    size_t i = 0, j = 0;
    while (i < pre.size() || j < post.size()) {
        if (j == post.size() || (i < pre.size() && pre[i] < post[j]))
            synapse.on_pre(0, pre[i++]);
        else
            synapse.on_post(post[j++]);
    }
    return synapse.w(0) - 1;
}

// Sum over every pre-post pair of A+ e^(-dt/tau+) (dt = t_post - t_pre > 0) or -A- e^(dt/tau-) (dt < 0).
double pair_sum_dw(const PairStdpParams& p, const std::vector<double>& pre, const std::vector<double>& post) {
    double dw = 0;
    for (double t_pre : pre)
        for (double t_post : post) {
            const double dt = t_post - t_pre;
            dw += dt > 0 ? p.a_plus * std::exp(-dt / p.tau_plus_ms)
                         : -p.a_minus * std::exp(dt / p.tau_minus_ms);
        }
    return dw;
}

// kernel(t, tau) = sum over the spikes of `train` strictly before t of e^(-(t - s)/tau)
double kernel_sum(const std::vector<double>& train, double t, double tau) {
    double sum = 0;
    for (double s : train)
        if (s < t) sum += std::exp(-(t - s) / tau);
    return sum;
}

// Pfister & Gerstner's rule written as sums: each post spike adds sum_pre (A2+ + A3+ sum_post'), each pre
// spike subtracts sum_post (A2- + A3- sum_pre'), over the earlier spikes of each train.
double triplet_sum_dw(const TripletStdpParams& p, const std::vector<double>& pre,
                      const std::vector<double>& post) {
    double dw = 0;
    for (double t : post)
        dw += kernel_sum(pre, t, p.tau_plus_ms) * (p.a2_plus + p.a3_plus * kernel_sum(post, t, p.tau_y_ms));
    for (double t : pre)
        dw -=
            kernel_sum(post, t, p.tau_minus_ms) * (p.a2_minus + p.a3_minus * kernel_sum(pre, t, p.tau_x_ms));
    return dw;
}

ParamLookup pair_defaults_with(double tau_plus_ms, double tau_minus_ms) {
    return [=](const std::string& name) {
        if (name == "tau_plus") return tau_plus_ms;
        if (name == "tau_minus") return tau_minus_ms;
        return defaults_of(pair_stdp_param_table())(name);
    };
}

ParamLookup defaults(const std::string& rule) {
    return defaults_of(stdp_rule_table().find(rule).value.params());
}

}  // namespace

TEST_CASE("The STDP rule table has pair and triplet and refuses unknown names", "[stdp]") {
    REQUIRE(stdp_rule_table().names() == std::vector<std::string>{"pair", "triplet"});
    REQUIRE_THROWS_WITH(stdp_rule_table().find("quadruplet"), Catch::Contains("valid: pair, triplet"));
    const ParamLookup pair = defaults("pair");
    REQUIRE(pair("tau_plus") == 16.8);
    REQUIRE(pair("tau_minus") == 33.7);
    REQUIRE(pair("a_plus") > 0);
    REQUIRE(pair("a_minus") > 0);
    const ParamLookup triplet = defaults("triplet");  // Pfister & Gerstner's visual cortex, all-to-all
    REQUIRE(triplet("a3_plus") == 6.2e-3);
    REQUIRE(triplet("tau_y") == 125);
    REQUIRE_THROWS(triplet("a_plus"));
}

TEST_CASE("Event-driven pair STDP equals the sum over every pre-post pair",
          "[stdp][exercise:plasticity.stdp_pair_pre][exercise:plasticity.stdp_pair_post]") {
    Rng rng = random_stream(3, Stream::Spikes);
    const std::vector<double> pre = poisson_train(rng, 20, 3000), post = poisson_train(rng, 20, 3000);
    REQUIRE(pre.size() > 30);
    PairStdp synapse(1, PairStdpParams{});
    const double expected = pair_sum_dw(synapse.p, pre, post);
    REQUIRE(event_driven_dw(synapse, pre, post) == Approx(expected).epsilon(1e-9));
}

TEST_CASE("Event-driven triplet STDP equals its sums over pairs and triplets", "[stdp]") {
    Rng rng = random_stream(4, Stream::Spikes);
    const std::vector<double> pre = poisson_train(rng, 30, 3000), post = poisson_train(rng, 30, 3000);
    TripletStdp synapse(1, TripletStdpParams{});
    const double expected = triplet_sum_dw(synapse.p, pre, post);
    REQUIRE(std::abs(expected) > 0.01);
    REQUIRE(event_driven_dw(synapse, pre, post) == Approx(expected).epsilon(1e-9));
}

TEST_CASE("STDP keeps every weight in [0, w_max]",
          "[stdp][exercise:plasticity.stdp_pair_pre][exercise:plasticity.stdp_pair_post]") {
    for (const std::string rule : {"pair", "triplet"}) {
        CAPTURE(rule);
        std::unique_ptr<StdpSynapses> synapses = stdp_rule_table().find(rule).value.make(3, defaults(rule));
        synapses->w << 0, 0.5, 1;
        int on_a_bound = 0;  // events after which every weight sits on 0 or w_max
        const auto check = [&] {
            REQUIRE(synapses->w.minCoeff() >= 0);
            REQUIRE(synapses->w.maxCoeff() <= synapses->w_max);
            on_a_bound += ((synapses->w == 0) || (synapses->w == synapses->w_max)).all();
        };
        for (int k = 0; k < 200; ++k) {  // 100 Hz, 5 ms apart: pair depresses, triplet potentiates
            synapses->on_post(10.0 * k);
            check();
            for (int i = 0; i < 3; ++i) synapses->on_pre(i, 10.0 * k + 5);
            check();
        }
        REQUIRE(on_a_bound > 0);
    }
}

TEST_CASE("The window protocol's exponential fit returns the taus that were set",
          "[stdp][exercise:plasticity.stdp_pair_pre][exercise:plasticity.stdp_pair_post]") {
    for (const auto& [tau_plus, tau_minus] : std::vector<std::pair<double, double>>{{16.8, 33.7}, {10, 50}}) {
        CAPTURE(tau_plus, tau_minus);
        const StdpWindow window = measure_stdp_window("pair", pair_defaults_with(tau_plus, tau_minus));
        REQUIRE(window.dt_ms.size() == 41);  // -100 to +100 ms by 5 ms
        REQUIRE(window.dw(0) < 0);           // dt = -100 ms: post first, depression
        REQUIRE(window.dw(40) > 0);          // dt = +100 ms: pre first, potentiation
        REQUIRE(window.fit_tau_plus_ms == Approx(tau_plus).epsilon(0.05));
        REQUIRE(window.fit_tau_minus_ms == Approx(tau_minus).epsilon(0.05));
    }
    REQUIRE_THROWS(stdp_pairing_dw("pair", defaults("pair"), 60, 10, 20));  // period 10 ms < |dt| 20 ms
}

TEST_CASE("Sjostrom 2001: the pair rule depresses post-before-pre at every rate", "[stdp]") {
    for (const SjostromRow& row : sjostrom_protocol("pair", defaults("pair"))) {
        CAPTURE(row.rate_hz, row.dw_pre_post, row.dw_post_pre);
        REQUIRE(row.dw_post_pre < 0);
    }
}

TEST_CASE("Sjostrom 2001: the triplet rule potentiates both orders at 40 and 50 Hz", "[stdp]") {
    const std::vector<SjostromRow> rows = sjostrom_protocol("triplet", defaults("triplet"));
    REQUIRE(rows.size() == 5);
    REQUIRE(rows[0].rate_hz == 0.1);
    REQUIRE(rows[0].dw_post_pre < 0);  // 0.1 Hz, post leads: depression
    for (const SjostromRow& row : rows) {
        CAPTURE(row.rate_hz, row.dw_pre_post, row.dw_post_pre);
        if (row.rate_hz < 40) continue;
        REQUIRE(row.dw_pre_post > 0);
        REQUIRE(row.dw_post_pre > 0);
    }
}

TEST_CASE("Song-Abbott: 100 s of STDP make the weights bimodal and the output rate settles", "[stdp]") {
    const SongAbbottParams p;  // brian2's example
    const SongAbbottRun run = run_song_abbott(p, 1, 100);
    REQUIRE(run.rate_hz.size() == 100);
    // The weights start uniform (40% in the outer fifths) and move to both ends: two modes with a trough.
    const Eigen::ArrayXd histogram = run.histograms.row(99).transpose().array();
    const double middle = histogram.segment(5, 10).mean();
    CAPTURE(run.bimodal_fraction, histogram(0), histogram(19), middle);
    REQUIRE(run.bimodal_fraction >= 0.55);
    REQUIRE(histogram(0) > 2.5 * middle);
    REQUIRE(histogram(19) > 2.5 * middle);
    // The rate falls from its start and is steady over the last 20 s.
    const double early = run.rate_hz.head(5).mean(), before = run.rate_hz.segment(80, 10).mean(),
                 last = run.rate_hz.tail(10).mean();
    CAPTURE(early, before, last);
    REQUIRE(early > 1.3 * last);
    REQUIRE(std::abs(last - before) < 0.25 * last);
    REQUIRE(run.w.size() == 1000);
    REQUIRE((run.w == run_song_abbott(p, 1, 100).w).all());  // same seed, same weights
}

TEST_CASE("Song-Abbott with Song et al.'s A+ = 0.005 g_max: >= 80% of the weights in the outer fifths",
          "[stdp]") {
    SongAbbottParams p;
    p.a_pre_per_g_max = 0.005;  // half brian2's step: slower, less diffusion, a cleaner split
    const SongAbbottRun run = run_song_abbott(p, 1, 1000, 100);
    CAPTURE(run.bimodal_fraction);
    REQUIRE(run.bimodal_fraction >= 0.8);
}
