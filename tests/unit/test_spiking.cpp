// LIF layer against closed forms (membrane charging, firing rate, alpha kernel), BPTT against finite
// differences with a smooth stand-in for the spike, the latency / Poisson encoders and the surrogates. Tests
// of LIF's own dynamics name LifLayer (to set u_rest, i_ext and dt, which are not lab parameters).
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/lif_layer.h"
#include "engine/neuron_models.h"
#include "engine/rng.h"
#include "engine/spike_encoding.h"
#include "engine/spike_function.h"
#include "engine/spiking_readout.h"
#include "tests/unit/finite_differences.h"
#include "tests/unit/spiking_test_helpers.h"

using namespace pl;

TEST_CASE("LIF membrane under constant current follows U_rest + R I (1 - exp(-t/tau_mem)) exactly",
          "[spiking][exercise:surrogate-spikes.lif_step]") {
    LifParams p;
    const double dt_ms = 0.5;
    p.tau_mem_ms = 10;
    p.R = 10;        // mV per nA
    p.u_rest = -70;  // mV
    p.theta = 1e9;   // mV: never fires
    p.i_ext = 1.5;   // nA
    LifLayer lif(1, 1, p, dt_ms);
    lif.forward(silence(1, 1, 200), 1);
    double worst = 0;
    for (int t = 0; t < 200; ++t) {
        const double exact = p.u_rest + p.R * p.i_ext * (1 - std::exp(-t * dt_ms / p.tau_mem_ms));
        worst = std::max(worst, std::abs(lif.record.U(0, t) - exact));
    }
    CAPTURE(worst);
    REQUIRE(worst < 1e-10);
}

TEST_CASE("LIF firing rate under constant current matches 1 over tau_mem ln(RI over RI - theta)",
          "[spiking][exercise:surrogate-spikes.lif_step]") {
    LifParams p;
    const double dt_ms = 0.1;
    p.tau_mem_ms = 10;  // ms
    p.R = 10;           // mV per nA
    p.u_rest = -70;     // mV
    p.theta = -50;      // mV: gap 20 mV
    p.i_ext = 2.5;      // nA: R I = 25 mV
    LifLayer lif(1, 1, p, dt_ms);
    const int steps = 20000;  // 2 s
    lif.forward(silence(1, 1, steps), 1);
    std::vector<int> spike_steps;
    for (int t = 0; t < steps; ++t)
        if (lif.record.S(0, t) > 0) spike_steps.push_back(t);
    REQUIRE(spike_steps.size() > 10);
    const double period_ms =
        (spike_steps.back() - spike_steps.front()) * dt_ms / double(spike_steps.size() - 1);
    const double RI = p.R * p.i_ext, gap = p.theta - p.u_rest;
    const double exact_ms = p.tau_mem_ms * std::log(RI / (RI - gap));  // t_ref = 0
    CAPTURE(period_ms, exact_ms, 1000 / period_ms, 1000 / exact_ms);
    REQUIRE(std::abs(period_ms - exact_ms) <= dt_ms);  // the discrete period is ceil(t / dt) dt
    REQUIRE(spike_steps.front() * dt_ms == Approx(std::ceil(exact_ms / dt_ms) * dt_ms));
}

TEST_CASE("Synaptic current after one input spike matches the alpha kernel at the steps",
          "[spiking][exercise:surrogate-spikes.lif_step]") {
    LifParams p;
    p.theta = 1e9;  // mV: no output spikes
    const double w = 0.7;
    const int steps = 60;
    auto response = [&](const LifParams& params) {
        LifLayer lif(1, 1, params);
        lif.W.value(0, 0) = w;
        Mat s = silence(1, 1, steps);
        s(0, 0) = 1;  // one input spike at step 0
        lif.forward(s, 1);
        return Mat(lif.record.variable("I_syn"));  // 1 x steps
    };
    double worst = 0;
    SECTION("tau_rise != tau_syn: difference of exponentials") {
        p.tau_rise_ms = 2;
        p.tau_syn_ms = 5;
        const Mat I = response(p);
        const double tr = p.tau_rise_ms, ts = p.tau_syn_ms;
        for (int t = 0; t < steps; ++t) {  // I(t) = w tr ts / (ts - tr) (exp(-t/ts) - exp(-t/tr))
            const double exact = w * tr * ts / (ts - tr) * (std::exp(-t / ts) - std::exp(-t / tr));
            worst = std::max(worst, std::abs(I(0, t) - exact));
        }
    }
    SECTION("tau_rise == tau_syn: alpha function") {
        p.tau_rise_ms = 5;
        p.tau_syn_ms = 5;
        const Mat I = response(p);
        for (int t = 0; t < steps; ++t) {  // I(t) = w t exp(-t/tau)
            const double exact = w * t * std::exp(-t / p.tau_syn_ms);
            worst = std::max(worst, std::abs(I(0, t) - exact));
        }
    }
    SECTION("tau_rise = 0: the current jumps and decays") {
        p.tau_rise_ms = 0;
        const Mat I = response(p);
        for (int t = 0; t < steps; ++t) {  // I(t) = w exp(-t/tau_syn)
            const double exact = w * std::exp(-t / p.tau_syn_ms);
            worst = std::max(worst, std::abs(I(0, t) - exact));
        }
    }
    CAPTURE(worst);
    REQUIRE(worst < 1e-12);
}

TEST_CASE("A layer names its recorded variables and refuses others", "[spiking]") {
    LifLayer lif(2, 3);
    lif.forward(silence(2, 4, 5), 4);
    CHECK(lif.record.variable_names() == std::vector<std::string>{"U", "S", "I_syn"});
    CHECK(lif.record.variable("I_syn").rows() == 3);
    CHECK(lif.record.variable("I_syn").cols() == 5 * 4);  // neurons x (steps * batch)
    CHECK(lif.steps() == 5);
    CHECK_THROWS_WITH(lif.record.variable("w"), Catch::Contains("valid: U, S, I_syn"));
}

// L = sum(wU .* max_t U_t) + sum(wS .* sum_t S_t) of a two-layer stack, smooth spikes (k = 4)
struct SmoothStack {
    LifLayer l1, l2;
    Mat wU, wS;
    Mat input;
    SmoothStack(const LifParams& p, Rng& rng) : l1(4, 5, p), l2(5, 3, p) {
        for (LifLayer* l : {&l1, &l2}) {
            l->spike.smooth = true;
            l->spike.steepness = 4;
            l->spike.detach_reset = false;  // finite differences see the reset, so backward must too
        }
        l1.W.value = random_mat(rng, 5, 4, 1.0);
        l2.W.value = random_mat(rng, 3, 5, 1.0);
        wU = random_mat(rng, 3, 2, 1.0);
        wS = random_mat(rng, 3, 2, 1.0);
        input = random_spikes(rng, 4, 2, 40, 0.3);
    }
    double loss() {
        l1.forward(input, 2);
        l2.forward(l1.record.S, 2);
        return wU.cwiseProduct(max_voltage(l2)).sum() + wS.cwiseProduct(spike_counts(l2)).sum();
    }
    void backward() {
        loss();
        Mat dS2, dU2, unused;
        readout_table().find("spike-count").value.backward(l2, wS, dS2, unused);
        readout_table().find("max-voltage").value.backward(l2, wU, unused, dU2);
        const Mat dS1 = l2.backward(dS2, dU2);
        l1.backward(dS1, Mat());
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
    b.forward(to_dense(train, 30, 4), 4);
    const Mat dS = Mat::Ones(6, 50 * 4);
    a.backward(dS, Mat(), false);
    b.backward(dS, Mat());
    const double worst = (a.record.U - b.record.U).cwiseAbs().maxCoeff();
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
    const Mat input = random_spikes(rng, 20, 4, 100, 0.2);
    const Mat w = random_mat(rng, 3, 4, 1.0);
    auto grads = [&](const std::string& surrogate) {
        l1.spike.surrogate = l2.spike.surrogate = surrogate_table().find(surrogate).value;
        l1.forward(input, 4);
        l2.forward(l1.record.S, 4);
        Mat unused, dU2;
        readout_table().find("max-voltage").value.backward(l2, w, unused, dU2);
        const Mat dS1 = l2.backward(Mat(), dU2);
        l1.backward(dS1, Mat());
    };
    grads("none");
    const double spikes = l1.record.S.sum();
    CAPTURE(spikes);
    REQUIRE(spikes > 0);
    REQUIRE(l1.W.grad.cwiseAbs().maxCoeff() == 0.0);
    REQUIRE(l2.W.grad.cwiseAbs().maxCoeff() > 0.0);
    grads("fast-sigmoid");
    REQUIRE(l1.W.grad.cwiseAbs().maxCoeff() > 0.0);
}

TEST_CASE("Surrogate derivatives have their documented shapes",
          "[spiking][exercise:surrogate-spikes.fast_sigmoid]") {
    auto at = [](SurrogateGrad f, double v, double k) { return f(Mat::Constant(1, 1, v), k)(0, 0); };
    SpikeFunction step;
    CHECK(step.spikes(Mat::Constant(1, 1, 0.0))(0, 0) == 0.0);
    CHECK(step.spikes(Mat::Constant(1, 1, 1e-12))(0, 0) == 1.0);
    CHECK(at(fast_sigmoid_grad, 0.0, 10) == 1.0);
    CHECK(at(fast_sigmoid_grad, 0.1, 10) == Approx(0.25));  // 1 / (10 * 0.1 + 1)^2
    CHECK(at(logistic_grad, 0.0, 20) == Approx(1.0));       // 4 s (1 - s) at s = 1/2
    const double s = 1 / (1 + std::exp(-20 * 0.05));
    CHECK(at(logistic_grad, 0.05, 20) == Approx(4 * s * (1 - s)));
    CHECK(at(zero_grad, 0.3, 10) == 0.0);
    SpikeFunction smooth;
    smooth.smooth = true;
    smooth.steepness = 4;
    const double h = 1e-6;
    auto smooth_at = [&](double v) { return smooth.spikes(Mat::Constant(1, 1, v))(0, 0); };
    CHECK(smooth.grad(Mat::Constant(1, 1, 0.2))(0, 0) ==
          Approx((smooth_at(0.2 + h) - smooth_at(0.2 - h)) / (2 * h)));
}

TEST_CASE("The fast sigmoid surrogate is the derivative of v / (1 + beta |v|) at every element",
          "[spiking][exercise:surrogate-spikes.fast_sigmoid]") {
    Rng rng(5);
    const Mat v = random_mat(rng, 3, 7, 0.5);  // no entry within 1e-7 of the kink at 0
    REQUIRE(v.cwiseAbs().minCoeff() > 1e-4);
    for (double beta : {1.0, 10.0, 100.0}) {
        const Mat grad = fast_sigmoid_grad(v, beta);
        REQUIRE(grad.rows() == 3);
        REQUIRE(grad.cols() == 7);
        auto fast_sigmoid = [&](const Mat& x) { return Mat(x.array() / (1 + beta * x.array().abs())); };
        const double h = 1e-7;
        const Mat numeric = (fast_sigmoid(v.array() + h) - fast_sigmoid(v.array() - h)) / (2 * h);
        CAPTURE(beta);
        CHECK(max_rel_error(grad, numeric) < 1e-6);
        CHECK(fast_sigmoid_grad(-v, beta) == grad);
        CHECK(fast_sigmoid_grad(Mat::Zero(2, 1), beta) == Mat::Ones(2, 1));  // the peak: 1 at the threshold
    }
}

TEST_CASE("The surrogate, read-out, encoding and neuron-model tables refuse unknown names, listing the valid",
          "[spiking]") {
    CHECK(surrogate_table().names() == std::vector<std::string>{"fast-sigmoid", "logistic", "none"});
    CHECK_THROWS_WITH(surrogate_table().find("sigmoid"),
                      "unknown surrogate 'sigmoid'; valid: fast-sigmoid, logistic, none");
    CHECK_THROWS_WITH(readout_table().find("rate"),
                      "unknown read-out 'rate'; valid: max-voltage, spike-count");
    CHECK_THROWS_WITH(encoding_table().find("rank"), "unknown encoding 'rank'; valid: latency, poisson");
    CHECK_THROWS_WITH(neuron_table().find("adex"), "unknown neuron model 'adex'; valid: lif");
    const NeuronModel& lif = neuron_table().find("lif").value;
    const std::unique_ptr<SpikingLayer> layer = lif.make(3, 2, defaults_of(lif.params()), kStepMs);
    CHECK(layer->in() == 3);
    CHECK(layer->out() == 2);
    CHECK(layer->threshold_mV() == LifParams().theta);
    CHECK_THROWS_WITH(defaults_of(lif.params())("tau_m"), Catch::Contains("tau_m"));
}
