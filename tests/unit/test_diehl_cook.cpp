// Diehl & Cook 2015 (engine/diehl_cook.h): weight normalisation, the adaptive threshold's growth and freeze,
// the input-repeat rule, determinism for a seed, labelling (the 100-neuron pass: the plasticity lab's test).
#include <catch2/catch.hpp>
#include "engine/diehl_cook.h"
#include "engine/diehl_cook_labels.h"
#include "engine/diehl_cook_run.h"
#include "engine/random_streams.h"
#include "labs/task_data.h"

using namespace pl;

namespace {

DiehlCookParams small_net(int neurons) {
    DiehlCookParams p;
    p.neurons = neurons;
    return p;
}

// A synthetic digit, for the tests graded without the data files: 20% of the pixels lit at U[0.5, 1).
Eigen::VectorXd synthetic_digit(Rng& rng) {
    Eigen::VectorXd pixels = Eigen::VectorXd::Zero(784);
    for (double& v : pixels)
        if (rng.uniform() < 0.2) v = rng.uniform(0.5, 1);
    return pixels;
}

}  // namespace

TEST_CASE("The Diehl-Cook parameter table holds the original constants and refuses unknown names",
          "[diehl-cook]") {
    const DiehlCookParams p = diehl_cook_params(defaults_of(diehl_cook_param_table()));
    CHECK(p.neurons == 100);
    CHECK(p.intensity == 2);
    CHECK(p.theta_plus_mV == 0.05);
    CHECK(p.tau_theta_ms == 1e7);
    CHECK(p.nu_pre == 1e-4);
    CHECK(p.nu_post == 1e-2);
    CHECK(p.w_sum == 78);
    CHECK(p.w_exc_inh == 10.4);
    CHECK(p.w_inh_exc == 17.0);
    CHECK_THROWS_WITH(defaults_of(diehl_cook_param_table())("dc_nope"), Catch::Contains("dc_nope"));
}

TEST_CASE("Weight normalisation makes every neuron's input weights sum to w_sum", "[diehl-cook]") {
    DiehlCook net(small_net(10), 1);
    CHECK(net.weights().colwise().sum().minCoeff() > 100);  // 784 x 0.3 x ~0.51 before
    net.normalise_weights();
    for (int j = 0; j < net.neurons(); ++j) CHECK(net.weights().col(j).sum() == Approx(78).epsilon(1e-5));
    // Learning normalises before each digit: the sums start each digit at 78 and STDP moves them.
    const std::shared_ptr<const Split> digits = task_data("mnist", 0);
    net.present(digits->train.x.col(0), true);
    CHECK(net.weights().minCoeff() >= 0);
    CHECK(net.weights().maxCoeff() <= 1);
    net.present(digits->train.x.col(1), true);
    CHECK(net.weights().colwise().sum().maxCoeff() != Approx(78).epsilon(1e-6));
}

TEST_CASE("Theta grows by theta_plus per spike while learning and is frozen at test time", "[diehl-cook]") {
    DiehlCook net(small_net(20), 3);
    const std::shared_ptr<const Split> digits = task_data("mnist", 0);
    const Eigen::ArrayXi counts = net.present(digits->train.x.col(0), true);
    REQUIRE(net.last_repeats() == 0);  // one presentation: theta saw exactly these spikes
    REQUIRE(counts.sum() >= 5);
    // theta = 0.05 mV x spikes, less a decay of 350 ms / 1e7 ms
    const Eigen::ArrayXf expected = 0.05f * counts.cast<float>();
    CHECK((net.theta_mV() - expected).abs().maxCoeff() < 1e-4f);
    const Eigen::ArrayXf theta = net.theta_mV();
    const DiehlCook::Weights w = net.weights();
    const Eigen::ArrayXi test_counts = net.present(digits->test.x.col(0), false);
    CHECK(test_counts.sum() >= 5);
    CHECK((net.theta_mV() == theta).all());
    CHECK(net.weights() == w);
}

TEST_CASE("Normalisation scales each neuron's weights to sum w_sum and keeps their ratios",
          "[diehl-cook][exercise:plasticity.diehl_cook_normalisation]") {
    DiehlCookParams p = small_net(5);
    p.w_sum = 50;
    DiehlCook net(p, 4);
    Rng rng = random_stream(4, Stream::Probe);
    for (int digit = 0; digit < 2; ++digit) {  // the initial weights, then the weights STDP moved
        const Eigen::ArrayXXf before = net.weights().array();
        net.normalise_weights();
        const Eigen::ArrayXXf ratio = net.weights().array() / before;
        for (int j = 0; j < p.neurons; ++j) {
            CHECK(net.weights().col(j).sum() == Approx(50).epsilon(1e-5));
            CHECK(ratio.col(j).maxCoeff() - ratio.col(j).minCoeff() < 1e-5f * ratio.col(j).maxCoeff());
        }
        net.present(synthetic_digit(rng), true);
        CHECK(net.weights().colwise().sum().maxCoeff() != Approx(50).epsilon(1e-6));
    }
}

// theta_j after a digit = sum over neuron j's spikes (steps s) of theta_plus e^(-(S - 1 - s) dt / tau_theta),
// S steps: each step decays theta first, then adds theta_plus for a spike in that step.
TEST_CASE("Theta is the sum of theta_plus per spike decayed since, and frozen at test time",
          "[diehl-cook][exercise:plasticity.diehl_cook_threshold]") {
    DiehlCookParams p = small_net(6);
    p.tau_theta_ms = 1000;  // a decay of ~30% over the 350 ms of a digit
    DiehlCook net(p, 5);
    Rng rng = random_stream(5, Stream::Probe);
    net.present(synthetic_digit(rng), true);
    REQUIRE(net.last_repeats() == 0);  // one presentation: the raster holds every spike theta saw
    REQUIRE(net.exc_counts().sum() >= 5);
    const int steps = int(std::lround(p.present_ms / p.dt_ms));
    Eigen::ArrayXd expected = Eigen::ArrayXd::Zero(p.neurons);
    for (const auto& spike : net.exc_raster())
        expected(spike.neuron) +=
            p.theta_plus_mV * std::exp(-(steps - 1 - spike.step) * p.dt_ms / p.tau_theta_ms);
    CHECK((net.theta_mV().cast<double>() - expected).abs().maxCoeff() < 1e-5);
    CHECK(expected.maxCoeff() < p.theta_plus_mV * net.exc_counts().maxCoeff() * 0.99);  // the decay shows
    const Eigen::ArrayXf theta = net.theta_mV();
    net.present(synthetic_digit(rng), false);
    CHECK(net.exc_counts().sum() > 0);
    CHECK((net.theta_mV() == theta).all());
}

TEST_CASE("A digit that drives fewer than 5 spikes is presented again one intensity higher", "[diehl-cook]") {
    DiehlCook net(small_net(10), 2);
    const std::shared_ptr<const Split> digits = task_data("mnist", 0);
    net.present(0.05 * digits->train.x.col(0), false);  // a faint digit: at most 3.2 Hz per pixel at first
    CHECK(net.last_repeats() > 0);
    CHECK(net.last_intensity() == 2 + net.last_repeats());
    CHECK(net.exc_counts().sum() >= 5);
    // A blank digit never reaches 5 spikes: it is given up after max_repeats.
    net.present(Eigen::VectorXd::Zero(784), false);
    CHECK(net.last_repeats() == net.params().max_repeats);
    CHECK(net.exc_counts().sum() == 0);
    CHECK(net.input_raster().empty());
}

TEST_CASE("The same seed gives the same weights, another seed other weights", "[diehl-cook]") {
    const std::shared_ptr<const Split> digits = task_data("mnist", 0);
    DiehlCookRunConfig config;
    config.train_digits = 30;
    config.test_digits = 20;
    auto run = [&](uint64_t seed) {
        DiehlCookRun r(small_net(16), config, seed, digits);
        while (r.step()) {
        }
        return std::make_pair(r.net().weights(), r.confusion());
    };
    const auto a = run(5), b = run(5), c = run(6);
    CHECK(a.first == b.first);
    CHECK((a.second == b.second).all());
    CHECK(a.first != c.first);
    CHECK(a.second.sum() == 20);
}

TEST_CASE("Labels: each neuron takes its most frequent class and a digit the class whose neurons fire most",
          "[diehl-cook]") {
    DigitResponses responses(3, 4);
    Eigen::ArrayXi counts(4);
    counts << 5, 0, 1, 0;
    responses.add(counts, 0);
    counts << 0, 6, 0, 0;
    responses.add(counts, 1);
    counts << 1, 2, 0, 4;
    responses.add(counts, 2);
    counts << 0, 0, 0, 0;
    responses.add(counts, 2);  // class 2's mean response: half of the first digit's
    const Eigen::ArrayXi assignment = responses.assignments();
    CHECK(assignment(0) == 0);
    CHECK(assignment(1) == 1);
    CHECK(assignment(2) == 0);
    CHECK(assignment(3) == 2);
    counts << 0, 1, 0, 3;
    CHECK(classify(counts, assignment, 3) == 2);
    counts << 4, 1, 2, 0;
    CHECK(classify(counts, assignment, 3) == 0);
}
