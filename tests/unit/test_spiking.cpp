// LIF layer against closed forms (membrane charging, firing rate, alpha kernel), BPTT against finite
// differences with a smooth stand-in for the spike, the latency / Poisson encoders and the None surrogate.
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/lif_layer.h"
#include "engine/rng.h"
#include "engine/spike_encoding.h"
#include "engine/spike_function.h"
#include "engine/spiking_readout.h"
#include "tests/unit/finite_differences.h"
#include "tests/unit/spiking_test_helpers.h"

using namespace pl;

TEST_CASE("LIF membrane under constant current follows U_rest + R I (1 - exp(-t/tau_mem)) exactly",
          "[spiking]") {
    LifParams p;
    p.dt_ms = 0.5;
    p.tau_mem_ms = 10;
    p.R = 10;        // mV per nA
    p.u_rest = -70;  // mV
    p.theta = 1e9;   // mV: never fires
    p.i_ext = 1.5;   // nA
    LifLayer lif(1, 1, p);
    lif.forward(silence(1, 1, 200));
    double worst = 0;
    for (int t = 0; t < 200; ++t) {
        const double exact = p.u_rest + p.R * p.i_ext * (1 - std::exp(-t * p.dt_ms / p.tau_mem_ms));
        worst = std::max(worst, std::abs(lif.U[t](0, 0) - exact));
    }
    CAPTURE(worst);
    REQUIRE(worst < 1e-10);
}

TEST_CASE("LIF firing rate under constant current matches 1 over tau_mem ln(RI over RI - theta)",
          "[spiking]") {
    LifParams p;
    p.dt_ms = 0.1;
    p.tau_mem_ms = 10;  // ms
    p.R = 10;           // mV per nA
    p.u_rest = -70;     // mV
    p.theta = -50;      // mV: gap 20 mV
    p.i_ext = 2.5;      // nA: R I = 25 mV
    LifLayer lif(1, 1, p);
    const int steps = 20000;  // 2 s
    lif.forward(silence(1, 1, steps));
    std::vector<int> spike_steps;
    for (int t = 0; t < steps; ++t)
        if (lif.S[t](0, 0) > 0) spike_steps.push_back(t);
    REQUIRE(spike_steps.size() > 10);
    const double period_ms =
        (spike_steps.back() - spike_steps.front()) * p.dt_ms / double(spike_steps.size() - 1);
    const double RI = p.R * p.i_ext, gap = p.theta - p.u_rest;
    const double exact_ms = p.tau_mem_ms * std::log(RI / (RI - gap));  // t_ref = 0
    CAPTURE(period_ms, exact_ms, 1000 / period_ms, 1000 / exact_ms);
    REQUIRE(std::abs(period_ms - exact_ms) <= p.dt_ms);  // the discrete period is ceil(t / dt) dt
    REQUIRE(spike_steps.front() * p.dt_ms == Approx(std::ceil(exact_ms / p.dt_ms) * p.dt_ms));
}

TEST_CASE("Synaptic current after one input spike matches the alpha kernel at the steps", "[spiking]") {
    LifParams p;
    p.theta = 1e9;  // mV: no output spikes
    const double w = 0.7;
    const int steps = 60;
    auto response = [&](const LifParams& params) {
        LifLayer lif(1, 1, params);
        lif.W.value(0, 0) = w;
        std::vector<Mat> s = silence(1, 1, steps);
        s[0](0, 0) = 1;
        lif.forward(s);
        return lif.I_syn;
    };
    double worst = 0;
    SECTION("tau_rise != tau_syn: difference of exponentials") {
        p.tau_rise_ms = 2;
        p.tau_syn_ms = 5;
        const std::vector<Mat> I = response(p);
        const double tr = p.tau_rise_ms, ts = p.tau_syn_ms;
        for (int t = 0; t < steps; ++t) {  // I(t) = w tr ts / (ts - tr) (exp(-t/ts) - exp(-t/tr))
            const double exact = w * tr * ts / (ts - tr) * (std::exp(-t / ts) - std::exp(-t / tr));
            worst = std::max(worst, std::abs(I[t](0, 0) - exact));
        }
    }
    SECTION("tau_rise == tau_syn: alpha function") {
        p.tau_rise_ms = 5;
        p.tau_syn_ms = 5;
        const std::vector<Mat> I = response(p);
        for (int t = 0; t < steps; ++t) {  // I(t) = w t exp(-t/tau)
            const double exact = w * t * std::exp(-t / p.tau_syn_ms);
            worst = std::max(worst, std::abs(I[t](0, 0) - exact));
        }
    }
    SECTION("tau_rise = 0: the current jumps and decays") {
        p.tau_rise_ms = 0;
        const std::vector<Mat> I = response(p);
        for (int t = 0; t < steps; ++t) {  // I(t) = w exp(-t/tau_syn)
            const double exact = w * std::exp(-t / p.tau_syn_ms);
            worst = std::max(worst, std::abs(I[t](0, 0) - exact));
        }
    }
    CAPTURE(worst);
    REQUIRE(worst < 1e-12);
}

// L = sum(wU .* max_t U_t) + sum(wS .* sum_t S_t) of a two-layer stack, smooth spikes (k = 4)
struct SmoothStack {
    LifLayer l1, l2;
    Mat wU, wS;
    std::vector<Mat> input;
    SmoothStack(const LifParams& p, Rng& rng) : l1(4, 5, p), l2(5, 3, p) {
        for (LifLayer* l : {&l1, &l2}) {
            l->smooth_spikes = true;
            l->steepness = 4;
        }
        l1.W.value = random_mat(rng, 5, 4, 1.0);
        l2.W.value = random_mat(rng, 3, 5, 1.0);
        wU = random_mat(rng, 3, 2, 1.0);
        wS = random_mat(rng, 3, 2, 1.0);
        input = random_spikes(rng, 4, 2, 40, 0.3);
    }
    double loss() {
        l1.forward(input);
        l2.forward(l1.S);
        return wU.cwiseProduct(readout_logits(l2, Readout::MaxVoltage)).sum() +
               wS.cwiseProduct(readout_logits(l2, Readout::SpikeCount)).sum();
    }
    void backward() {
        loss();
        std::vector<Mat> dS2, dU2, unused;
        readout_backward(l2, Readout::SpikeCount, wS, dS2, unused);
        readout_backward(l2, Readout::MaxVoltage, wU, unused, dU2);
        const std::vector<Mat> dS1 = l2.backward(dS2, dU2);
        l1.backward(dS1, {});
    }
};

static double fd_error(LifLayer& layer, SmoothStack& net) {
    net.backward();
    const Mat analytic = layer.W.grad;
    return rel_max_error(analytic, central_differences(
                                       layer.W.value, [&] { return net.loss(); }, 1e-6));
}

TEST_CASE("LIF BPTT with smooth spikes matches finite differences through two layers", "[spiking]") {
    Rng rng(7);
    LifParams p;
    p.tau_mem_ms = 10;
    p.tau_syn_ms = 5;
    p.detach_reset = false;  // finite differences see the reset, so backward must too
    SECTION("reset to rest, tau_rise 2 ms") { p.tau_rise_ms = 2; }
    SECTION("subtractive reset, tau_rise 5 ms") {
        p.subtractive_reset = true;
        p.tau_rise_ms = 5;
    }
    SECTION("reset to rest, no rise stage, U_rest -70 mV, theta -50 mV") {
        p.tau_rise_ms = 0;
        p.u_rest = -70;
        p.theta = -50;
        p.R = 20;
    }
    SmoothStack net(p, rng);
    const double e2 = fd_error(net.l2, net);
    const double e1 = fd_error(net.l1, net);
    CAPTURE(e1, e2, net.l1.W.grad.norm(), net.l2.W.grad.norm());
    REQUIRE(net.l1.W.grad.norm() > 1e-3);
    REQUIRE(e2 < 1e-5);
    REQUIRE(e1 < 1e-5);
}

TEST_CASE("Event-driven input gives the same voltages and dW as dense input", "[spiking]") {
    Rng rng(3);
    Mat x(30, 4);
    for (double& v : x.reshaped()) v = rng.uniform();
    const SpikeTrain train = poisson_encode(x, 200, 1, 50, rng);
    LifLayer a(30, 6), b(30, 6);
    a.W.value = b.W.value = random_mat(rng, 6, 30, 0.5);
    a.forward(train, 4);
    b.forward(to_dense(train, 30, 4));
    const std::vector<Mat> dS(50, Mat::Ones(6, 4));
    a.backward(dS, {}, false);
    b.backward(dS, {});
    double worst = 0;
    for (int t = 0; t < 50; ++t) worst = std::max(worst, (a.U[t] - b.U[t]).cwiseAbs().maxCoeff());
    CAPTURE(worst);
    REQUIRE(worst < 1e-12);
    REQUIRE((a.W.grad - b.W.grad).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("Latency code spikes at round of tau_eff ln(x over x - theta)", "[spiking]") {
    LatencyCode code;  // tau_eff 20 ms, theta 0.2, dt 1 ms, 100 steps
    Mat x(7, 1);
    x << 1.0, 0.5, 0.21, 0.0, 0.1, 0.2, 0.201;
    const SpikeTrain train = latency_encode(x, code);
    REQUIRE(int(train.size()) == 100);
    std::vector<int> step_of(7, -1);
    int count = 0;
    for (int t = 0; t < 100; ++t)
        for (const SpikeEvent& e : train[t]) {
            step_of[e.input] = t;
            ++count;
        }
    REQUIRE(count == 3);
    CHECK(step_of[0] == 4);   // 20 ln 1.25 = 4.46 ms
    CHECK(step_of[1] == 10);  // 20 ln(0.5 / 0.3) = 10.2 ms
    CHECK(step_of[2] == 61);  // 20 ln 21 = 60.9 ms
    CHECK(step_of[6] == -1);  // 20 ln 201 = 106 ms: past the window
    CHECK(latency_ms(1.0, code) == Approx(20 * std::log(1.25)));
}

TEST_CASE("Poisson code fires at x times the max rate", "[spiking]") {
    Rng rng(11);
    const Mat x = Mat::Constant(100, 2, 0.5);
    const SpikeTrain train = poisson_encode(x, 100, 1, 1000, rng);  // 50 Hz for 1 s, 200 inputs
    size_t count = 0;
    for (const auto& step : train) count += step.size();
    const double rate_hz = count / 200.0;
    CAPTURE(rate_hz);
    REQUIRE(std::abs(rate_hz - 50) < 1.5);  // sd 0.5 Hz
}

TEST_CASE("Surrogate None gives exactly zero dW of layer 1 when the loss reads only layer 2 voltage",
          "[spiking]") {
    Rng rng(5);
    LifParams p;
    LifLayer l1(20, 10, p), l2(10, 3, p);
    l1.W.value = random_mat(rng, 10, 20, 1.0).cwiseAbs();  // excitatory: layer 1 fires
    l2.W.value = random_mat(rng, 3, 10, 1.0);
    const std::vector<Mat> input = random_spikes(rng, 20, 4, 100, 0.2);
    const Mat w = random_mat(rng, 3, 4, 1.0);
    auto grads = [&](Surrogate kind) {
        l1.surrogate = l2.surrogate = kind;
        l1.forward(input);
        l2.forward(l1.S);
        std::vector<Mat> unused, dU2;
        readout_backward(l2, Readout::MaxVoltage, w, unused, dU2);
        const std::vector<Mat> dS1 = l2.backward({}, dU2);
        l1.backward(dS1, {});
    };
    double spikes = 0;
    grads(Surrogate::None);
    for (const Mat& s : l1.S) spikes += s.sum();
    CAPTURE(spikes);
    REQUIRE(spikes > 0);
    REQUIRE(l1.W.grad.cwiseAbs().maxCoeff() == 0.0);
    REQUIRE(l2.W.grad.cwiseAbs().maxCoeff() > 0.0);
    grads(Surrogate::FastSigmoid);
    REQUIRE(l1.W.grad.cwiseAbs().maxCoeff() > 0.0);
}

TEST_CASE("Surrogate derivatives have their documented shapes", "[spiking]") {
    CHECK(spike(0.0) == 0.0);
    CHECK(spike(1e-12) == 1.0);
    CHECK(surrogate_grad(0.0, Surrogate::FastSigmoid, 10) == 1.0);
    CHECK(surrogate_grad(0.1, Surrogate::FastSigmoid, 10) == Approx(0.25));  // 1 / (10 * 0.1 + 1)^2
    CHECK(surrogate_grad(0.0, Surrogate::Logistic, 20) == Approx(1.0));      // 4 s (1 - s) at s = 1/2
    const double s = 1 / (1 + std::exp(-20 * 0.05));
    CHECK(surrogate_grad(0.05, Surrogate::Logistic, 20) == Approx(4 * s * (1 - s)));
    CHECK(surrogate_grad(0.3, Surrogate::None, 10) == 0.0);
    const double h = 1e-6;
    CHECK(smooth_spike_grad(0.2, 4) ==
          Approx((smooth_spike(0.2 + h, 4) - smooth_spike(0.2 - h, 4)) / (2 * h)));
}
