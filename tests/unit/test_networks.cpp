// The neurons lab's spiking networks: event-driven delivery equals a dense reference W s exactly (CUBA sums
// W's columns in spike order, Brunel's weights have exact sums); Brunel's external Poisson counts are
// Poisson; CUBA settles where Brian2's CUBA.py does; Brunel's SR and AI regimes show. Same seed, same raster;
// another seed, another raster. The tables refuse unknown names.
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/brunel_network.h"
#include "engine/cuba_network.h"
#include "engine/random_streams.h"

using namespace pl;

namespace {

// FNV-1a of every (step, neuron) spike in `steps` steps after reset(seed)
uint64_t raster_hash(SpikingNetwork& net, uint64_t seed, int steps) {
    net.reset(seed);
    uint64_t hash = 1469598103934665603ull;
    for (int k = 0; k < steps; ++k) {
        net.step();
        for (int i : net.fired()) hash = (hash ^ uint64_t(k) * 1000003u ^ uint64_t(i)) * 1099511628211ull;
    }
    return hash;
}

Eigen::VectorXf spike_vector(const std::vector<int>& fired, int n) {
    Eigen::VectorXf s = Eigen::VectorXf::Zero(n);
    for (int i : fired) s(i) = 1;
    return s;
}

// The neurons of a reference run that fired in the last `steps` steps are held at `reset`.
void hold_refractory(const std::vector<std::vector<int>>& history, int steps, float reset,
                     Eigen::ArrayXf& v) {
    for (int back = 1; back <= steps && back <= int(history.size()); ++back)
        for (int i : history[history.size() - size_t(back)]) v(i) = reset;
}

// The end of a reference step: who fired is reset and remembered; the network steps and must fire the same.
int end_step(SpikingNetwork& net, const std::vector<int>& fired, float reset, Eigen::ArrayXf& v,
             std::vector<std::vector<int>>& history) {
    for (int i : fired) v(i) = reset;
    history.push_back(fired);
    net.step();
    REQUIRE(net.fired() == fired);
    return int(fired.size());
}

// Runs `net` after reset(1) for 200 ms, then `ms` more; returns the synchrony of its count per step.
double settle_and_measure(SpikingNetwork& net, double ms) {
    net.reset(1);
    while (net.t_ms() < 200 - 1e-9) net.step();
    net.clear_statistics();
    std::vector<double> count_per_step;
    while (net.t_ms() < 200 + ms - 1e-9) {
        net.step();
        count_per_step.push_back(double(net.fired().size()));
    }
    return synchrony(count_per_step, net.size());
}

}  // namespace

TEST_CASE("SynapseLists: a spike adds its row, the same as the dense W s", "[networks]") {
    Rng rng(5);
    std::vector<Synapse> synapses;
    for (int k = 0; k < 400; ++k)
        synapses.push_back({rng.below(30), rng.below(20), 0.25 * (rng.below(17) - 8)});
    const SynapseLists lists(30, 20, synapses);
    CHECK(lists.size() == 400);
    const Eigen::MatrixXf w = lists.dense();
    for (int trial = 0; trial < 20; ++trial) {
        std::vector<int> fired;
        for (int pre = 0; pre < 30; ++pre)
            if (rng.uniform() < 0.3) fired.push_back(pre);
        Eigen::ArrayXf into = Eigen::ArrayXf::Zero(20);
        lists.add_rows(fired, into);
        const Eigen::VectorXf expected = w * spike_vector(fired, 30);  // quarter-mV weights: exact sums
        CHECK((into.matrix() - expected).cwiseAbs().maxCoeff() == 0.0);
    }
}

TEST_CASE("PoissonCounts: mean, variance and P(0) of a Poisson distribution", "[networks]") {
    for (double mean : {0.4, 0.8, 3.0}) {
        INFO("mean " << mean);
        const PoissonCounts poisson(mean);
        Rng rng(9);
        Eigen::ArrayXf counts(200001);  // odd: the last count comes alone
        poisson.fill(rng, counts);
        const Eigen::ArrayXd k = counts.cast<double>();
        CHECK(k.mean() == Approx(mean).margin(0.01));                         // sd of the mean: < 0.004
        CHECK((k - k.mean()).square().mean() == Approx(mean).epsilon(0.03));  // var = mean
        CHECK((k == 0).cast<double>().mean() == Approx(std::exp(-mean)).margin(0.005));
    }
}

TEST_CASE("CUBA: event-driven delivery equals a dense reference run, spike for spike", "[networks]") {
    CubaSettings settings;
    settings.n = 200;
    settings.p = 0.1;
    CubaNetwork net(settings);
    net.reset(3);
    const int ne = net.n_exc();
    const Eigen::MatrixXf w = net.synapses().dense();
    // the reference: dense W s, the same exact propagators (Brian2's CUBA.py constants)
    const double dt = 0.1, taum = 20, taue = 5, taui = 10;
    const float vt = -50, vr = -60, el = float(settings.el_mV);
    const float decay_m = std::exp(-dt / taum), decay_e = std::exp(-dt / taue),
                decay_i = std::exp(-dt / taui);
    const float from_ge = taue / (taue - taum) * (std::exp(-dt / taue) - std::exp(-dt / taum));
    const float from_gi = taui / (taui - taum) * (std::exp(-dt / taui) - std::exp(-dt / taum));
    Eigen::ArrayXf v = net.v_mV(), ge = Eigen::ArrayXf::Zero(200), gi = Eigen::ArrayXf::Zero(200);
    std::vector<std::vector<int>> history;
    int spikes = 0;
    for (int k = 0; k < 3000; ++k) {
        v = el + (v - el) * decay_m + ge * from_ge + gi * from_gi;
        hold_refractory(history, 50, vr, v);  // 5 ms
        ge *= decay_e;
        gi *= decay_i;
        std::vector<int> fired;
        for (int i = 0; i < 200; ++i)
            if (v(i) > vt) fired.push_back(i);
        for (int j : fired) (j < ne ? ge : gi) += w.col(j).array();  // W s, column by column in spike order
        spikes += end_step(net, fired, vr, v, history);
    }
    CHECK((net.v_mV() - v).abs().maxCoeff() == 0.0);
    CHECK((net.ge_mV() - ge).abs().maxCoeff() == 0.0);
    CHECK(spikes > 300);  // the comparison saw real activity
}

TEST_CASE("Brunel: delayed event-driven delivery equals a dense reference run, spike for spike",
          "[networks]") {
    BrunelSettings settings;
    settings.n_exc = 400;  // C_E = 40: J = 2.5 mV, -g J = -12.5 mV (dyadic)
    BrunelNetwork net(settings);
    net.reset(4);
    REQUIRE(net.j_mV() == 2.5);
    const Eigen::MatrixXf w = net.synapses().dense();
    const int n = net.size(), delay_steps = 15;
    const float decay = std::exp(-0.1 / 20.0), theta = 20, vr = 10;
    const PoissonCounts external(net.c_exc() * settings.ratio * net.nu_thr_hz() / 1000.0 * 0.1);
    Rng external_rng = random_stream(4, Stream::Noise);
    Eigen::ArrayXf v = net.v_mV(), counts = Eigen::ArrayXf::Zero(n);
    std::vector<std::vector<int>> history;
    int spikes = 0;
    for (int k = 0; k < 3000; ++k) {
        external.fill(external_rng, counts);
        Eigen::ArrayXf arriving = Eigen::ArrayXf::Zero(n);
        if (k >= delay_steps) arriving = (w * spike_vector(history[size_t(k - delay_steps)], n)).array();
        v = v * decay + float(net.j_mV()) * counts + arriving;
        hold_refractory(history, 20, vr, v);  // 2 ms
        std::vector<int> fired;
        for (int i = 0; i < n; ++i)
            if (v(i) >= theta) fired.push_back(i);
        spikes += end_step(net, fired, vr, v, history);
    }
    CHECK((net.v_mV() - v).abs().maxCoeff() == 0.0);
    CHECK(spikes > 1000);
}

TEST_CASE("Networks: the same seed gives the same raster, another seed another", "[networks]") {
    for (const std::string& name : network_table().names()) {
        INFO(name);
        const SpikingNetworkModel& model = network_table().find(name).value;
        std::unique_ptr<SpikingNetwork> net = model.make(defaults_of(model.params()));
        const uint64_t first = raster_hash(*net, 1, 1000), again = raster_hash(*net, 1, 1000);
        CHECK(first == again);
        CHECK(raster_hash(*net, 2, 1000) != first);
        CHECK(net->t_ms() == Approx(100.0));
    }
    CHECK_THROWS_WITH(network_table().find("coba"), Catch::Contains("valid: cuba, brunel"));
    CHECK_THROWS_WITH(brunel_regime_table().find("x"), Catch::Contains("sr, ai, si-fast, si-slow"));
}

// Brian2 2.5.1 running examples/CUBA.py (4000 neurons, seed 1, method exact), the same window and estimator
// (the mean over E neurons with >= 2 ISIs of sd/mean, sd with 1/n): rate_e 5.51 Hz, rate_i 5.59 Hz, ISI CV
// 0.513 (0.694 over 200-5200 ms: short windows bias the CV low). Not the CV > 0.8 issue 13 asks: the
// benchmark itself does not reach it (this network: 0.53, 0.68, 0.75, 0.78 over 1, 5, 20, 40 s).
TEST_CASE("CUBA at the benchmark's parameters: asynchronous irregular at a few Hz, as Brian2 runs it",
          "[networks][slow]") {
    CubaNetwork net{CubaSettings{}};
    const double sync = settle_and_measure(net, 1000);
    const double rate_e = mean_rate_hz(net, 0, net.n_exc()),
                 rate_i = mean_rate_hz(net, net.n_exc(), net.n_inh());
    const double cv = mean_isi_cv(net, 0, net.n_exc());
    INFO("rate_e " << rate_e << " Hz, rate_i " << rate_i << " Hz, ISI CV " << cv << ", synchrony " << sync);
    CHECK(rate_e == Approx(5.51).margin(1.0));
    CHECK(rate_i == Approx(5.59).margin(1.0));
    CHECK(cv == Approx(0.513).margin(0.08));
    CHECK(sync < 0.001);  // asynchronous: the counts of two neurons hardly correlate
}

TEST_CASE("Brunel's regimes: SR synchronous and regular, AI asynchronous and irregular", "[networks][slow]") {
    for (const char* name : {"sr", "ai"}) {
        const BrunelRegime& regime = brunel_regime_table().find(name).value;
        BrunelSettings settings;
        settings.g = regime.g;
        settings.ratio = regime.ratio;
        BrunelNetwork net(settings);
        const double sync = settle_and_measure(net, 500);
        const double cv = mean_isi_cv(net, 0, net.n_exc());
        INFO(name << ": rate_e " << mean_rate_hz(net, 0, net.n_exc()) << " Hz, ISI CV " << cv
                  << ", synchrony " << sync);
        if (std::string(name) == "sr") {
            CHECK(cv < 0.2);
            CHECK(sync > 0.2);
        } else {
            CHECK(cv > 0.8);
            CHECK(sync < 0.02);
        }
    }
}
