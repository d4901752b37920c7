// Continual learning's engine pieces: the batched Fisher against its definition (a per-sample loop), SI's
// path integral against the loss change on a quadratic, the penalties' gradients against finite differences,
// the replay mixing, the scenarios' output units and masks, and the accuracy-matrix metrics.
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/continual_metrics.h"
#include "engine/continual_scenario.h"
#include "engine/fisher.h"
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/random_matrix.h"
#include "engine/replay_memory.h"
#include "engine/synaptic_intelligence.h"
#include "engine/weighted_cross_entropy.h"
#include "tests/unit/finite_differences.h"

using namespace pl;

namespace {
// Largest relative error of the grads of `params` against central differences of f().
template <class F>
double max_grad_error(const std::vector<Param*>& params, F f) {
    double worst = 0;
    for (Param* p : params)
        worst = std::max(worst, max_rel_error(p->grad, central_differences(p->value, f, 1e-6)));
    return worst;
}

// A tiny 5-4-3-6 ReLU net and 7 inputs.
struct TinyNet {
    Rng rng{3};
    Mlp net{{5, 4, 3, 6}, ActivationKind::ReLU, rng};
    Mat x = normal_matrix(rng, 5, 7, 1.0);
};
}  // namespace

TEST_CASE("the batched Fisher equals its definition, a loop over samples and labels", "[continual]") {
    TinyNet tiny;
    // class scenario at context 1 of 3 heads of 2 (units 0..3 active) and task heads for the last samples
    const OutputLayout layout = {Scenario::Class, 2, 3};
    Mat mask = layout.mask({0, 1, 2, 3, 1, 0, 2}, 1);
    mask.col(6).setZero(), mask(4, 6) = mask(5, 6) = 1;  // a sample scored on head 3 only

    const std::vector<Mat> batched = fisher_diagonal(tiny.net, tiny.x, mask, 3);  // chunks of 3, 3 and 1

    // F = (1/N) sum_n sum_c p_c(x_n) (d log p_c(x_n) / d theta)^2, one sample and label at a time
    const std::vector<Param*> params = tiny.net.params();
    std::vector<Mat> looped;
    for (const Param* p : params) looped.push_back(Mat::Zero(p->value.rows(), p->value.cols()));
    for (int n = 0; n < tiny.x.cols(); ++n) {
        const Mat p = softmax(masked_logits(tiny.net.forward(tiny.x.col(n), true), mask.col(n)));
        for (int c = 0; c < 6; ++c) {
            if (mask(c, n) == 0) continue;
            Mat d_log_p = -p;  // d log p_c / dz = e_c - p
            d_log_p(c, 0) += 1;
            tiny.net.forward(tiny.x.col(n), true);
            Backprop().backward(tiny.net, d_log_p);
            for (size_t k = 0; k < params.size(); ++k)
                looped[k] += p(c, 0) * params[k]->grad.array().square().matrix() / double(tiny.x.cols());
        }
    }
    for (size_t k = 0; k < params.size(); ++k) {
        INFO(params[k]->name);
        CHECK(batched[k].maxCoeff() > 0);
        CHECK((batched[k] - looped[k]).cwiseAbs().maxCoeff() < 1e-12 * (1 + looped[k].cwiseAbs().maxCoeff()));
    }
}

TEST_CASE("the Fisher summed chunk by chunk over calls equals the one-shot Fisher", "[continual]") {
    TinyNet tiny;
    const OutputLayout layout = {Scenario::Class, 2, 3};
    const Mat mask = layout.mask({0, 1, 2, 3, 1, 0, 2}, 1);
    const std::vector<Mat> one_shot = fisher_diagonal(tiny.net, tiny.x, mask, 7);  // every sample at once

    FisherSum summed(tiny.net.params());
    for (const auto& [first, n] :
         {std::pair{0, 2}, {2, 4}, {6, 1}}) {  // chunks of 2, 4 and 1, as at boundaries
        summed.add(tiny.net, tiny.x.middleCols(first, n), mask.middleCols(first, n));
        tiny.net.forward(normal_matrix(tiny.rng, 5, 3, 1.0), true);  // the net's caches change between calls
    }
    CHECK(summed.samples() == 7);
    const std::vector<Mat> chunked = summed.mean();
    REQUIRE(chunked.size() == one_shot.size());
    for (size_t k = 0; k < one_shot.size(); ++k) {
        CHECK(one_shot[k].maxCoeff() > 0);
        CHECK((chunked[k] - one_shot[k]).cwiseAbs().maxCoeff() <
              1e-12 * (1 + one_shot[k].cwiseAbs().maxCoeff()));
    }
}

TEST_CASE("SI's path integral equals the drop of a quadratic loss along gradient descent", "[continual]") {
    // L(theta) = 1/2 sum_i a_i theta_i^2, so g = a theta; small steps make sum_steps -g dtheta -> L(start) -
    // L(end)
    Rng rng(5);
    const Mat a = normal_matrix(rng, 3, 2, 1.0).cwiseAbs().array() + 0.5;
    Param theta{"theta", (normal_matrix(rng, 3, 2, 0.3).array() + 1).matrix(), Mat()};
    auto loss = [&](const Mat& t) {
        return (0.5 * a.array() * t.array().square()).matrix();
    };  // per parameter
    const Mat start = theta.value;
    SynapticIntelligence si;
    si.begin_context({&theta});
    const double lr = 1e-3;
    for (int step = 0; step < 2000; ++step) {
        theta.grad = (a.array() * theta.value.array()).matrix();
        si.record_gradient({&theta});
        theta.value -= lr * theta.grad;
        si.after_update({&theta});
    }
    const Mat drop = loss(start) - loss(theta.value);
    CHECK(drop.minCoeff() > 0.1);  // every parameter went a good part of its way down
    CHECK(((si.path[0] - drop).array().abs() / drop.array()).maxCoeff() < 2e-3);  // O(lr a) off

    si.end_context({&theta});
    const Mat delta = theta.value - start;
    const Mat expected = (si.path[0].array() / (delta.array().square() + kSiDamping)).matrix();
    CHECK((si.anchor.importance[0] - expected).cwiseAbs().maxCoeff() < 1e-12);
    CHECK(si.anchor.theta[0] == theta.value);
}

TEST_CASE("SI's importance at a boundary adds W / (Delta^2 + xi) to omega",
          "[continual][exercise:continual.si_importance]") {
    Mat omega(1, 3), W(1, 3), delta(1, 3);
    omega << 1, 0, 2;
    W << 0.5, 2, -0.1;
    delta << 1, 0, 3;
    Mat expected(1, 3);
    expected << 1 + 0.5 / 1.1, 0 + 2 / 0.1, 2 - 0.1 / 9.1;
    CHECK((si_importance(omega, W, delta, 0.1) - expected).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("the EWC and SI penalties add gradients that match finite differences",
          "[continual][exercise:continual.ewc_penalty]") {
    Rng rng(7);
    Param W{"W", normal_matrix(rng, 3, 4, 1.0), Mat()}, b{"b", normal_matrix(rng, 3, 1, 1.0), Mat()};
    const std::vector<Param*> params = {&W, &b};
    std::vector<Anchor> anchors(2);
    for (Anchor& anchor : anchors) {
        anchor.importance = {normal_matrix(rng, 3, 4, 1.0).cwiseAbs(),
                             normal_matrix(rng, 3, 1, 1.0).cwiseAbs()};
        anchor.theta = {normal_matrix(rng, 3, 4, 1.0), normal_matrix(rng, 3, 1, 1.0)};
    }
    for (const double strength : {0.5, 40.0}) {
        // EWC: one term per anchor; SI: one anchor at strength 2c
        auto penalty = [&] {
            double total = 0;
            for (const Anchor& anchor : anchors) total += quadratic_penalty(params, anchor, strength);
            return total;
        };
        auto value_only = [&] {
            const Mat W_grad = W.grad, b_grad = b.grad;
            const double total = penalty();
            W.grad = W_grad, b.grad = b_grad;
            return total;
        };
        W.grad = Mat::Zero(3, 4), b.grad = Mat::Zero(3, 1);
        const double value = penalty();
        CHECK(max_grad_error(params, value_only) < 1e-6);
        // the value itself: lambda/2 sum F (theta - theta*)^2
        double expected = 0;
        for (const Anchor& anchor : anchors)
            for (size_t k = 0; k < 2; ++k)
                expected +=
                    0.5 * strength *
                    (anchor.importance[k].array() * (params[k]->value - anchor.theta[k]).array().square())
                        .sum();
        CHECK(value == Approx(expected).epsilon(1e-12));
    }
    // added to the task gradient, not written over it
    W.grad = Mat::Ones(3, 4), b.grad = Mat::Ones(3, 1);
    quadratic_penalty(params, anchors[0], 2.0);
    const Mat expected_grad =
        Mat::Ones(3, 4) +
        2.0 * (anchors[0].importance[0].array() * (W.value - anchors[0].theta[0]).array()).matrix();
    CHECK((W.grad - expected_grad).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE(
    "replay mixes the losses 1/t and 1 - 1/t, and its weighted loss's gradient matches finite differences",
    "[continual][exercise:continual.replay_mixing]") {
    const Vec first = replay_mixing_weights(4, 0, 1);
    CHECK((first.array() == 0.25).all());
    const Vec w = replay_mixing_weights(4, 2, 3);  // 4 current, 2 replayed, context 3
    REQUIRE(w.size() == 6);
    CHECK(w.head(4).sum() == Approx(1.0 / 3));
    CHECK(w.tail(2).sum() == Approx(2.0 / 3));
    CHECK(w(0) == Approx(w(3)));
    CHECK(w(4) == Approx(w(5)));

    // the weighted, masked cross-entropy of a net on the mixed batch, against finite differences
    TinyNet tiny;
    const OutputLayout layout = {Scenario::Task, 2, 3};
    const std::vector<int> units = {4, 5, 4, 4, 0, 3};  // context 3's head, then replayed digits of 1 and 2
    Mat y = Mat::Zero(6, 6);
    for (int n = 0; n < 6; ++n) y(units[size_t(n)], n) = 1;
    const Mat mask = layout.mask(units, 2);
    const Mat x = tiny.x.leftCols(6);
    auto loss = [&] { return weighted_cross_entropy(masked_logits(tiny.net.forward(x, true), mask), y, w); };
    loss();
    Backprop().backward(tiny.net,
                        weighted_cross_entropy_grad(masked_logits(tiny.net.forward(x, true), mask), y, w));
    CHECK(max_grad_error(tiny.net.params(), loss) < 1e-5);
}

TEST_CASE("the replay memory keeps per_class samples of each class of a context", "[continual]") {
    Dataset context;
    context.classes = 4;
    context.x = Mat::Zero(2, 30);
    context.y = Mat::Zero(4, 30);
    for (int n = 0; n < 30; ++n) {
        context.labels.push_back(2 + n % 2);  // units 2 and 3: context 2 of a task or class layout
        context.y(context.labels.back(), n) = 1;
        context.x(0, n) = n;
    }
    ReplayMemory memory;
    Rng rng(1);
    memory.add(context, 4, 2, rng);
    REQUIRE(memory.samples().size() == 8);
    int even = 0;
    for (int label : memory.samples().labels) even += label == 2;
    CHECK(even == 4);
    Mat x, y;
    memory.draw(5, rng, x, y);
    CHECK(x.cols() == 5);
    CHECK(y.colwise().sum().isOnes());
}

TEST_CASE("scenarios: output units and the units each sample's softmax runs over", "[continual]") {
    const OutputLayout task = {Scenario::Task, 2, 5}, domain = {Scenario::Domain, 2, 5},
                       cls = {Scenario::Class, 2, 5};
    CHECK(task.outputs() == 10);
    CHECK(domain.outputs() == 2);
    CHECK(cls.outputs() == 10);
    CHECK(task.unit(3, 1) == 7);
    CHECK(domain.unit(3, 1) == 1);
    CHECK(cls.unit(3, 1) == 7);
    int first = 0, count = 0;
    task.active(7, 4, first, count);  // a digit of context 4 keeps its own head while context 5 trains
    CHECK((first == 6 && count == 2));
    cls.active(7, 4, first, count);  // class: every class seen so far
    CHECK((first == 0 && count == 10));
    cls.active(1, 1, first, count);
    CHECK((first == 0 && count == 4));
    // the permuted class scenario has 10 units per context
    CHECK(OutputLayout{Scenario::Class, 10, 3}.outputs() == 30);

    Mat logits = Mat::Zero(10, 2);
    logits(9, 0) = 5, logits(2, 0) = 1;  // unit 9 (not seen yet at context 2) would win
    logits(5, 1) = 1;
    CHECK(masked_accuracy(logits, {2, 5}, cls, 1) == 0.5);  // 5 is inactive at context 2 (units 0..3)
    CHECK(masked_accuracy(logits, {2, 5}, cls, 4) == 0.5);  // 9 wins sample 0 once active
}

TEST_CASE("ACC, BWT and forgetting from the accuracy matrix", "[continual]") {
    Mat R(3, 3);
    R << 0.9, 0.1, 0.0,  //
        0.5, 0.8, 0.2,   //
        0.3, 0.6, 1.0;
    CHECK(average_accuracy(R) == Approx((0.3 + 0.6 + 1.0) / 3));
    CHECK(backward_transfer(R) == Approx(((0.3 - 0.9) + (0.6 - 0.8)) / 2));
    CHECK(forgetting(R) == Approx(-backward_transfer(R)));
    CHECK(std::isnan(backward_transfer(Mat::Ones(1, 1))));
}
