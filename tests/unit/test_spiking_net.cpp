// SpikingNet: the cross-entropy of both read-outs plus the activity penalty against finite differences
// (smooth spikes), the max-voltage read-out's routing, the penalty's value, and the None surrogate.
#include <catch2/catch.hpp>
#include "engine/loss.h"
#include "engine/spiking_net.h"
#include "tests/unit/finite_differences.h"
#include "tests/unit/spiking_test_helpers.h"

using namespace pl;

namespace {

SpikeTrain random_train(Rng& rng, int inputs, int batch, int steps, double p) {
    SpikeTrain train(static_cast<size_t>(steps));
    for (auto& events : train)
        for (int b = 0; b < batch; ++b)
            for (int i = 0; i < inputs; ++i)
                if (rng.uniform() < p) events.push_back({i, b});
    return train;
}

struct SmallNet {
    SpikingNet net;
    SpikeTrain input;
    Mat y;
    ActivityPenalty penalty{0.01, 0.02};
    SoftmaxCrossEntropy ce;
    SmallNet(Readout readout, Rng& rng) : net({6, 5, 3, 3.0}, smooth_params(), readout, rng) {
        for (LifLayer* l : {&net.hidden, &net.output}) {
            l->smooth_spikes = true;  // differentiable forward, so finite differences apply
            l->steepness = 4;
        }
        input = random_train(rng, 6, 2, 30, 0.3);
        y = Mat::Zero(3, 2);
        y(0, 0) = y(2, 1) = 1;
    }
    static LifParams smooth_params() {
        LifParams p;
        p.detach_reset = false;  // finite differences see the reset, so backward must too
        return p;
    }
    double loss() { return ce.value(net.forward(input, 2), y) + penalty.value(net.hidden); }
    void backward() { net.backward(ce.grad(net.forward(input, 2), y), penalty); }
};

double fd_error(SmallNet& s, Param& W) {
    s.backward();
    const Mat analytic = W.grad;
    return rel_max_error(analytic, central_differences(
                                       W.value, [&] { return s.loss(); }, 1e-6));
}

}  // namespace

TEST_CASE("SpikingNet cross-entropy plus activity penalty matches finite differences", "[spiking]") {
    Rng rng(11);
    const Readout readout = GENERATE(Readout::MaxVoltage, Readout::SpikeCount);
    SmallNet s(readout, rng);
    const double e_out = fd_error(s, s.net.output.W);
    const double e_hidden = fd_error(s, s.net.hidden.W);
    CAPTURE(int(readout), e_out, e_hidden, s.net.hidden.W.grad.norm());
    REQUIRE(s.net.hidden.W.grad.norm() > 1e-4);
    REQUIRE(e_out < 1e-5);
    REQUIRE(e_hidden < 1e-5);
}

TEST_CASE("Max-voltage read-out sends the gradient to the first step at the maximum only", "[spiking]") {
    LifLayer out(1, 1);
    out.U = {Mat::Constant(1, 1, 1.0), Mat::Constant(1, 1, 3.0), Mat::Constant(1, 1, 3.0),
             Mat::Constant(1, 1, 2.0)};
    REQUIRE(readout_logits(out, Readout::MaxVoltage)(0, 0) == 3.0);
    std::vector<Mat> dS, dU;
    readout_backward(out, Readout::MaxVoltage, Mat::Constant(1, 1, 0.5), dS, dU);
    REQUIRE(dS.empty());
    REQUIRE(dU.size() == 4);
    CHECK(dU[0](0, 0) == 0.0);
    CHECK(dU[1](0, 0) == 0.5);
    CHECK(dU[2](0, 0) == 0.0);
    CHECK(dU[3](0, 0) == 0.0);
}

TEST_CASE("Activity penalty: l1 on spikes per sample plus l2 on mean counts per neuron", "[spiking]") {
    LifLayer layer(1, 2);  // 2 neurons, 2 samples, 2 steps: counts c = [[2, 0], [1, 1]]
    Mat s0(2, 2), s1(2, 2);
    s0 << 1, 0, 1, 0;
    s1 << 1, 0, 0, 1;
    layer.S = {s0, s1};
    const ActivityPenalty l1{0.5, 0}, l2{0, 0.25};
    CHECK(l1.value(layer) == Approx(0.5 * 4 / 2));         // l1 * mean_b sum_i c = 0.5 * 2
    CHECK(l2.value(layer) == Approx(0.25 * (1 + 1) / 2));  // mean_b c = (1, 1): l2 * mean_i 1^2
    const Mat g = l2.grad(layer);                          // l2 * 2 mean_b(c_i) / (N B) = 0.25 * 2 / 4
    CHECK((g.array() - 0.125).abs().maxCoeff() < 1e-15);
}
