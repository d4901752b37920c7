// SpikingNet: the cross-entropy of both read-outs plus the activity penalty against finite differences
// (smooth spikes), the max-voltage read-out's routing, the penalty's value, and Lab 5's choices = the tables.
// Layers come from the neuron-model table ("lif" at its defaults), through the SpikingLayer interface.
#include <catch2/catch.hpp>
#include "engine/loss.h"
#include "engine/neuron_models.h"
#include "engine/spiking_net.h"
#include "labs/surrogate-spikes/surrogate_spikes_lab.h"
#include "tests/unit/finite_differences.h"
#include "tests/unit/spiking_test_helpers.h"

using namespace pl;

namespace {

std::unique_ptr<SpikingLayer> lif_layer(int in, int out) {
    const NeuronModel& lif = neuron_table().find("lif").value;
    return lif.make(in, out, defaults_of(lif.params()), kStepMs);
}

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
    SmallNet(const std::string& readout, Rng& rng)
        : net(lif_layer(6, 5), lif_layer(5, 3), readout_table().find(readout).value, 3.0, rng) {
        for (SpikingLayer* l : {&net.hidden, &net.output}) {
            l->spike.smooth = true;  // differentiable forward, so finite differences apply
            l->spike.steepness = 4;
            l->spike.detach_reset = false;  // finite differences see the reset, so backward must too
        }
        input = random_train(rng, 6, 2, 30, 0.3);
        y = Mat::Zero(3, 2);
        y(0, 0) = y(2, 1) = 1;
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
    const std::string readout = GENERATE("max-voltage", "spike-count");
    SmallNet s(readout, rng);
    const double e_out = fd_error(s, s.net.output.W);
    const double e_hidden = fd_error(s, s.net.hidden.W);
    CAPTURE(readout, e_out, e_hidden, s.net.hidden.W.grad.norm());
    REQUIRE(s.net.hidden.W.grad.norm() > 1e-4);
    REQUIRE(e_out < 1e-5);
    REQUIRE(e_hidden < 1e-5);
}

TEST_CASE("Max-voltage read-out sends the gradient to the first step at the maximum only", "[spiking]") {
    const std::unique_ptr<SpikingLayer> out = lif_layer(1, 1);
    out->record.batch = 1;
    out->record.U = (Mat(1, 4) << 1.0, 3.0, 3.0, 2.0).finished();  // steps 0..3
    const Readout& max_voltage = readout_table().find("max-voltage").value;
    REQUIRE(max_voltage.logits(*out)(0, 0) == 3.0);
    Mat dS, dU;
    max_voltage.backward(*out, Mat::Constant(1, 1, 0.5), dS, dU);
    REQUIRE(dS.size() == 0);
    REQUIRE(dU.cols() == 4);
    CHECK(dU(0, 0) == 0.0);
    CHECK(dU(0, 1) == 0.5);
    CHECK(dU(0, 2) == 0.0);
    CHECK(dU(0, 3) == 0.0);
}

TEST_CASE("Activity penalty: l1 on spikes per sample plus l2 on mean counts per neuron", "[spiking]") {
    const std::unique_ptr<SpikingLayer> layer = lif_layer(1, 2);  // 2 neurons, 2 samples, 2 steps
    Mat s0(2, 2), s1(2, 2);                                       // counts c = [[2, 0], [1, 1]]
    s0 << 1, 0, 1, 0;
    s1 << 1, 0, 0, 1;
    layer->record.batch = 2;
    layer->record.S = (Mat(2, 4) << s0, s1).finished();  // step t in columns [2t, 2t + 2)
    const ActivityPenalty l1{0.5, 0}, l2{0, 0.25};
    CHECK(l1.value(*layer) == Approx(0.5 * 4 / 2));         // l1 * mean_b sum_i c = 0.5 * 2
    CHECK(l2.value(*layer) == Approx(0.25 * (1 + 1) / 2));  // mean_b c = (1, 1): l2 * mean_i 1^2
    const Mat g = l2.grad(*layer);                          // l2 * 2 mean_b(c_i) / (N B) = 0.25 * 2 / 4
    CHECK((g.array() - 0.125).abs().maxCoeff() < 1e-15);
}

TEST_CASE(
    "Lab 5's surrogate, readout and encoding choices are the tables' names, its neuron parameters LIF's",
    "[spiking]") {
    SurrogateSpikesLab lab;
    CHECK(lab.params.find("surrogate")->choices == surrogate_table().names());
    CHECK(lab.params.find("readout")->choices == readout_table().names());
    CHECK(lab.params.find("encoding")->choices == encoding_table().names());
    for (const ModelParam& p : neuron_table().find("lif").value.params()) {
        const ParamSpec* spec = lab.params.find(p.name);
        REQUIRE(spec);
        CHECK(spec->unit == p.unit);
        CHECK(spec->def == p.def);
    }
    CHECK(lab.params.find("R")->unit == "mV/a.u.");
    CHECK_THAT(lab.params.set("surrogate", "sigmoid"),
               Catch::Contains("valid: fast-sigmoid, logistic, none"));
}
