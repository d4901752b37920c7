// The neurons lab's injected currents against their closed forms (the OU process's mean and sd, Campbell's
// theorem for shot noise, the pulse train's duty cycle), and the spike statistics against known trains.
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/current_input.h"
#include "engine/random_streams.h"
#include "engine/spike_stats.h"

using namespace pl;

namespace {
// Mean and sd of neuron 0's current over `steps` steps of dt_ms from t = 0.
std::pair<double, double> moments(CurrentInput& input, int steps, double dt_ms) {
    double sum = 0, sum2 = 0;
    for (int k = 0; k < steps; ++k) {
        const double i = input.at(k * dt_ms, dt_ms)(0);
        sum += i, sum2 += i * i;
    }
    const double mean = sum / steps;
    return {mean, std::sqrt(sum2 / steps - mean * mean)};
}
}  // namespace

TEST_CASE("current input: an unknown input is refused, naming the valid ones", "[neurons]") {
    CurrentSettings s;
    s.input = "square";
    REQUIRE_THROWS_WITH(CurrentInput(s, Eigen::ArrayXd::Ones(1), Rng(1)),
                        Catch::Contains("step, ramp, sine, pulses, noise, poisson"));
}

TEST_CASE("current input: a step is baseline outside onset..offset and baseline + A inside", "[neurons]") {
    CurrentSettings s;
    s.baseline = -1, s.onset_ms = 10, s.offset_ms = 20;
    CurrentInput input(s, Eigen::ArrayXd::Constant(2, 5), Rng(1));
    CHECK(input.at(9.9, 0.1)(1) == -1);
    CHECK(input.at(10, 0.1)(1) == 4);
    CHECK(input.at(19.9, 0.1)(0) == 4);
    CHECK(input.at(20, 0.1)(0) == -1);
}

TEST_CASE("current input: a ramp reaches A at the offset, pulses are on pulse_ms f / 1000 of the time",
          "[neurons]") {
    CurrentSettings s;
    s.input = "ramp", s.onset_ms = 100, s.offset_ms = 300;
    CurrentInput ramp(s, Eigen::ArrayXd::Constant(1, 8), Rng(1));
    CHECK(ramp.at(200, 0.1)(0) == Approx(4));
    CHECK(ramp.at(299.9, 0.1)(0) == Approx(8).epsilon(1e-3));

    s.input = "pulses", s.onset_ms = 0, s.offset_ms = 1e9, s.frequency_hz = 20, s.pulse_ms = 5;
    CurrentInput pulses(s, Eigen::ArrayXd::Constant(1, 1), Rng(1));
    CHECK(moments(pulses, 100000, 0.01).first == Approx(0.1).epsilon(1e-3));  // 5 ms of every 50 ms
}

TEST_CASE("current input: OU noise has mean A and sd sigma", "[neurons]") {
    CurrentSettings s;
    s.input = "noise", s.sigma = 2, s.tau_ms = 5;
    CurrentInput input(s, Eigen::ArrayXd::Constant(1, 3), random_stream(1, Stream::Noise));
    const auto [mean, sd] = moments(input, 400000, 0.1);  // 40 s, 8000 correlation times
    CHECK(mean == Approx(3).margin(0.05));
    CHECK(sd == Approx(2).epsilon(0.03));
}

TEST_CASE("current input: Poisson shot noise obeys Campbell's theorem", "[neurons]") {
    // mean = A nu tau, variance = A^2 nu tau / 2 (exponential kernel), nu in spikes per ms
    CurrentSettings s;
    s.input = "poisson", s.rate_hz = 2000, s.tau_ms = 5;
    CurrentInput input(s, Eigen::ArrayXd::Constant(1, 0.5), random_stream(1, Stream::Noise));
    const auto [mean, sd] = moments(input, 400000, 0.1);
    const double nu = 2.0;  // per ms
    CHECK(mean == Approx(0.5 * nu * 5).epsilon(0.02));
    CHECK(sd == Approx(std::sqrt(0.25 * nu * 5 / 2)).epsilon(0.04));
}

TEST_CASE("spike stats: a regular train has CV 0 and its rate, a stopped train reports rate 0", "[neurons]") {
    std::vector<double> regular;
    for (int k = 0; k < 20; ++k) regular.push_back(10 + 20.0 * k);  // 50 Hz from 10 ms
    const SpikeSummary s = summarize_spikes(regular, 0, 400);
    CHECK(s.spike_count == 20);
    CHECK(s.rate_hz == Approx(50));
    CHECK(s.first_spike_ms == 10);
    CHECK(s.cv_isi == Approx(0).margin(1e-12));
    CHECK(s.sustained);

    const SpikeSummary stopped = summarize_spikes({10, 30, 50}, 0, 400);
    CHECK_FALSE(stopped.sustained);
    CHECK(stopped.rate_hz == 0);
    CHECK(std::isnan(summarize_spikes({}, 0, 400).first_spike_ms));
    CHECK(std::isnan(summarize_spikes({5, 9}, 0, 400).cv_isi));
}

TEST_CASE("spike stats: exponential ISIs have CV near 1", "[neurons]") {
    Rng rng(3);
    std::vector<double> t{0};
    for (int k = 0; k < 20000; ++k) t.push_back(t.back() - 10 * std::log(1 - rng.uniform()));
    CHECK(coefficient_of_variation(interspike_intervals(t)) == Approx(1).margin(0.03));
}

TEST_CASE("spike stats: the f-I marks find the rheobase and the onset of sustained firing", "[neurons]") {
    const FiMarks m = fi_marks({1, 2, 3, 4, 5}, {0, 1, 1, 6, 9}, {0, 0, 0, 52, 60});
    CHECK(m.rheobase == 2);
    CHECK(m.repetitive_onset == 4);
    CHECK(m.rate_at_onset_hz == 52);
    CHECK(std::isnan(fi_marks({1}, {0}, {0}).rheobase));
}
