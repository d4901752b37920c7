// Difference target propagation: the target and layer-loss equations on small nets, the inverses learning to
// reconstruct, and DTP training a toy classifier.
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/angles.h"
#include "engine/dataset.h"
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/metrics.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "engine/random_matrix.h"
#include "engine/target_prop.h"

using namespace pl;

TEST_CASE("target prop: one hidden layer gets top_lr times BP's gradient, the output layer BP's",
          "[dtp][exercise:target-prop.difference_target]") {
    Rng rng(1), rule_rng(2);
    Mlp net({3, 5, 2}, ActivationKind::Tanh, rng);
    DifferenceTargetProp dtp(net, rule_rng, {0.1, 0.1, 0.25});
    const Mat x = normal_matrix(rng, 3, 4, 1.0), g = normal_matrix(rng, 2, 4, 0.3);
    net.forward(x, true);
    Backprop().backward(net, g);
    const Mat bp_w1 = net.linears()[0]->W.grad, bp_b1 = net.linears()[0]->b.grad;
    const Mat bp_w2 = net.linears()[1]->W.grad;
    dtp.backward(net, g);
    // h1 - hhat1 = 0.25 * B W2^T g, local loss grad / B = 0.25 (W2^T g .* f') x^T
    REQUIRE(net.linears()[0]->W.grad.isApprox(0.25 * bp_w1, 1e-12));
    REQUIRE(net.linears()[0]->b.grad.isApprox(0.25 * bp_b1, 1e-12));
    REQUIRE(net.linears()[1]->W.grad.isApprox(bp_w2, 1e-12));
    REQUIRE(dtp.reconstruction_errors().empty());
}

TEST_CASE("target prop: the lower target is h1 + g2(hhat2) - g2(h2), computed with Eigen",
          "[dtp][exercise:target-prop.difference_target]") {
    Rng rng(3), rule_rng(4);
    Mlp net({3, 6, 5, 2}, ActivationKind::Tanh, rng);
    const DtpOptions options{0.1, 0.1, 0.5};
    DifferenceTargetProp dtp(net, rule_rng, options);
    const Mat x = normal_matrix(rng, 3, 4, 1.0), g = normal_matrix(rng, 2, 4, 0.3);
    const Mat V = dtp.inverse_weights(2), c = dtp.inverse_biases(2);  // before backward() trains them
    REQUIRE(V.rows() == 6);
    REQUIRE(V.cols() == 5);
    net.forward(x, true);
    dtp.backward(net, g);

    std::vector<Linear*> L = net.linears();
    auto tanh_of = [](const Mat& a) { return Mat(a.array().tanh()); };
    const Mat h1 = tanh_of((L[0]->W.value * x).colwise() + L[0]->b.value.col(0));
    const Mat h2 = tanh_of((L[1]->W.value * h1).colwise() + L[1]->b.value.col(0));
    const Mat hhat2 = h2 - 0.5 * 4.0 * L[2]->W.value.transpose() * g;
    auto g2 = [&](const Mat& h) { return tanh_of((V * h).colwise() + c.col(0)); };
    const Mat hhat1 = h1 + g2(hhat2) - g2(h2);
    const Mat d1 = (h1 - hhat1).cwiseProduct(Mat(1.0 - h1.array().square())) / 4.0;
    const Mat d2 = (h2 - hhat2).cwiseProduct(Mat(1.0 - h2.array().square())) / 4.0;
    REQUIRE(L[0]->W.grad.isApprox(d1 * x.transpose(), 1e-12));
    REQUIRE(L[1]->W.grad.isApprox(d2 * h1.transpose(), 1e-12));
    REQUIRE(L[1]->b.grad.isApprox(d2.rowwise().sum(), 1e-12));
    REQUIRE(L[2]->W.grad.isApprox(g * h2.transpose(), 1e-12));
    REQUIRE(dtp.reconstruction_errors().size() == 1);
    REQUIRE_FALSE(dtp.inverse_weights(2).isApprox(V));  // the inverse took its step
}

TEST_CASE("target prop: targets() go down two inverses, hhat_{l-1} = h_{l-1} + g_l(hhat_l) - g_l(h_l)",
          "[dtp][exercise:target-prop.difference_target]") {
    Rng rng(5), rule_rng(6);
    Mlp net({3, 6, 5, 4, 2}, ActivationKind::Tanh, rng);
    DifferenceTargetProp dtp(net, rule_rng, {0.1, 0.1, 0.3});
    const Mat x = normal_matrix(rng, 3, 5, 1.0), g = normal_matrix(rng, 2, 5, 0.3);
    net.forward(x, true);
    const std::vector<Mat> hhat = dtp.targets(net, g);
    REQUIRE(hhat.size() == 4);

    std::vector<Linear*> L = net.linears();
    auto tanh_of = [](const Mat& a) { return Mat(a.array().tanh()); };
    auto layer = [&](int l, const Mat& below) {  // h_l = tanh(W_l h_{l-1} + b_l)
        return tanh_of((L[l - 1]->W.value * below).colwise() + L[l - 1]->b.value.col(0));
    };
    auto inverse = [&](size_t l, const Mat& h) {  // g_l(h) = tanh(V_l h + c_l)
        return tanh_of((dtp.inverse_weights(l) * h).colwise() + dtp.inverse_biases(l).col(0));
    };
    const Mat h1 = layer(1, x), h2 = layer(2, h1), h3 = layer(3, h2);
    const Mat hhat3 = h3 - 0.3 * 5.0 * L[3]->W.value.transpose() * g;
    const Mat hhat2 = h2 + inverse(3, hhat3) - inverse(3, h3);
    const Mat hhat1 = h1 + inverse(2, hhat2) - inverse(2, h2);
    CHECK(hhat[3].isApprox(hhat3, 1e-12));
    CHECK(hhat[2].isApprox(hhat2, 1e-12));
    CHECK(hhat[1].isApprox(hhat1, 1e-12));
    CHECK((hhat[1] - h1).norm() > 1e-3);  // the targets moved: a copy of h would fail above
}

// Trains `net` with DTP + Adam on mini-batches of `data`; returns the rule's reconstruction errors
// averaged over the first and the last 20 batches
static std::pair<double, double> train_dtp(Mlp& net, DifferenceTargetProp& dtp, const Dataset& data,
                                           int steps, Rng& rng) {
    SoftmaxCrossEntropy loss;
    Adam adam(0.01);
    double first = 0, last = 0;
    for (int step = 0; step < steps; ++step) {
        std::vector<int> idx;
        for (int i = 0; i < 32; ++i) idx.push_back(rng.below(data.size()));
        const Dataset batch = data.subset(idx);
        const Mat out = net.forward(batch.x, true);
        dtp.backward(net, loss.grad(out, batch.y));
        adam.step(net.params());
        const double error = dtp.reconstruction_errors()[0];
        if (step < 20) first += error / 20;
        if (step >= steps - 20) last += error / 20;
    }
    return {first, last};
}

TEST_CASE("target prop: the inverses learn to reconstruct and DTP learns the spirals toy",
          "[dtp][exercise:target-prop.difference_target]") {
    Rng rng(11), rule_rng(12);
    const Split data = make_spirals(rng, 400);
    Mlp net({2, 32, 32, 2}, ActivationKind::Tanh, rng);
    DifferenceTargetProp dtp(net, rule_rng);
    SoftmaxCrossEntropy loss;
    const double loss_start = loss.value(net.forward(data.train.x), data.train.y);
    const auto [first, last] = train_dtp(net, dtp, data.train, 3000, rng);
    const double loss_end = loss.value(net.forward(data.train.x), data.train.y);
    const double acc = accuracy(argmax_columns(net.forward(data.train.x)), data.train.labels);
    INFO("reconstruction error " << first << " -> " << last << ", loss " << loss_start << " -> " << loss_end
                                 << ", train accuracy " << acc);
    REQUIRE(last < 0.5 * first);
    REQUIRE(loss_end < 0.5 * loss_start);
    REQUIRE(acc > 0.9);
}

TEST_CASE("target prop: backward_steps() in its two parts with a prediction between them is backward()",
          "[dtp]") {
    struct Result {
        std::vector<Mat> grads, inverses;
    };
    auto run = [](bool in_parts) {
        Rng rng(21), rule_rng(22);
        Mlp net({5, 7, 6, 4, 3}, ActivationKind::Tanh, rng);
        DifferenceTargetProp dtp(net, rule_rng);
        const Mat x = normal_matrix(rng, 5, 9, 1.0), grad_out = normal_matrix(rng, 3, 9, 0.1);
        net.forward(x, true);
        if (in_parts) {
            CHECK_FALSE(dtp.backward_steps(net, grad_out, 1));  // the layers' grads
            net.infer(normal_matrix(rng, 5, 1, 1.0));           // the page's drawing pad, between two steps
            CHECK(dtp.backward_steps(net, grad_out, 1));        // the inverses' step
        } else {
            dtp.backward(net, grad_out);
        }
        Result out;
        for (Param* p : net.params()) out.grads.push_back(p->grad);
        for (size_t l = 2; l < 4; ++l) out.inverses.push_back(dtp.inverse_weights(l));
        return out;
    };
    const Result whole = run(false), parts = run(true);
    for (size_t i = 0; i < whole.grads.size(); ++i) CHECK(bool(whole.grads[i] == parts.grads[i]));
    for (size_t i = 0; i < whole.inverses.size(); ++i) CHECK(bool(whole.inverses[i] == parts.inverses[i]));
}
