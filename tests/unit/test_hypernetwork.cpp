// The hypernetwork: every gradient against finite differences (the generated weights through h to its
// weights, the chunk embeddings and the context embeddings; a target net's loss through its generated
// weights; the output regulariser), the initial scale of the generated weights, and the entropy of
// predictions and context inference.
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/hypernetwork.h"
#include "engine/loss.h"
#include "finite_differences.h"

using namespace pl;

namespace {

Mat normal_mat(Rng& rng, int rows, int cols) {
    Mat m(rows, cols);
    for (double& v : m.reshaped()) v = rng.normal();
    return m;
}

// A tiny hypernetwork for a 4-3-2 target (23 weights): 5 chunks of 5 (2 cut from the last), h 5-4-5
Hypernetwork tiny_hypernetwork(Rng& rng, int contexts = 3) {
    HypernetSizes sizes;
    sizes.embedding = 3;
    sizes.chunk_embedding = 2;
    sizes.hidden = {4};
    sizes.chunk = 5;
    sizes.weight_sd = 0.5;
    return Hypernetwork(23, contexts, sizes, rng);
}

// The largest relative error of every grad of h, the chunk embeddings and the embeddings against f's
// central differences; `analytic` runs f's backward.
template <class F>
double worst_hypernet_error(Hypernetwork& hnet, F f) {
    std::vector<Param*> all = hnet.net.params();
    all.push_back(&hnet.chunk_embeddings);
    for (Param& e : hnet.embeddings) all.push_back(&e);
    double worst = 0;
    for (Param* p : all) {
        const Mat analytic = p->grad;
        worst = std::max(worst, max_rel_error(analytic, central_differences(p->value, f)));
    }
    return worst;
}

}  // namespace

TEST_CASE("hypernetwork: the generated weights' gradient reaches h, the chunk and the context embeddings",
          "[hypernetwork]") {
    Rng rng(2);
    Hypernetwork hnet = tiny_hypernetwork(rng);
    const std::vector<int> contexts = {2, 0};  // context 1 is not generated: its embedding's grad stays 0
    const Mat weights = normal_mat(rng, 23, 2);
    auto loss = [&] {
        return (weights.array() * hnet.generate(contexts).array()).sum();
    };  // L = sum w . theta
    loss();
    hnet.backward(weights);
    CHECK(hnet.embeddings[1].grad.isZero());
    CHECK(hnet.embeddings[2].grad.norm() > 0);
    const double worst = worst_hypernet_error(hnet, loss);
    WARN("hypernetwork d(sum w theta): largest relative error " << worst);
    CHECK(worst < 1e-6);
}

TEST_CASE("hypernetwork: a target net's loss goes back through its generated weights", "[hypernetwork]") {
    Rng rng(3);
    Hypernetwork hnet = tiny_hypernetwork(rng);
    Mlp target({4, 3, 2}, ActivationKind::Tanh, rng);
    REQUIRE(weight_count(target) == hnet.target_weights());
    const Mat x = normal_mat(rng, 4, 6);
    Mat y = Mat::Zero(2, 6);
    for (int s = 0; s < 6; ++s) y(s % 2, s) = 1;
    const SoftmaxCrossEntropy ce;
    auto loss = [&] {
        set_weights(target, hnet.generate({1}).col(0));
        return ce.value(target.forward(x, true), y);
    };
    // dL/dtheta of the target alone
    loss();
    target.backward(ce.grad(target.forward(x, true), y));
    const Vec dtheta = weight_grads(target);
    Mat theta_mat = hnet.generate({1});
    const Mat numeric = central_differences(theta_mat, [&] {
        set_weights(target, theta_mat.col(0));
        return ce.value(target.forward(x, true), y);
    });
    CHECK(max_rel_error(dtheta, numeric) < 1e-6);
    // ... and on through h: dL/dtheta -> dL/d(h, c_j, e_1)
    loss();
    target.backward(ce.grad(target.forward(x, true), y));
    hnet.backward(weight_grads(target));
    const double worst = worst_hypernet_error(hnet, loss);
    WARN("target loss through the hypernetwork: largest relative error " << worst);
    CHECK(worst < 1e-5);
}

TEST_CASE("hypernetwork: the output regulariser and its gradient through h", "[hypernetwork]") {
    Rng rng(4);
    Hypernetwork hnet = tiny_hypernetwork(rng, 4);
    const double beta = 0.7;
    // f(e_t', Theta*) stored at the end of contexts 1..3, then h moves
    const Mat stored = hnet.generate({0, 1, 2});
    for (Param* p : hnet.params(3))
        p->value += 0.1 * normal_mat(rng, int(p->value.rows()), int(p->value.cols()));
    const Mat generated = hnet.generate({0, 1, 2});
    // R = beta/(T-1) sum ||theta_t' - theta*_t'||^2 (T - 1 = 3): by hand, and 0 where nothing moved
    double by_hand = 0;
    for (int t = 0; t < 3; ++t) by_hand += (generated.col(t) - stored.col(t)).squaredNorm();
    CHECK(output_regulariser(generated, stored, beta) == Approx(beta / 3 * by_hand));
    CHECK(output_regulariser(stored, stored, beta) == 0.0);
    Mat moving = generated;
    const Mat numeric = central_differences(moving, [&] { return output_regulariser(moving, stored, beta); });
    CHECK(max_rel_error(output_regulariser_grad(generated, stored, beta), numeric) < 1e-6);
    // Through h: dR/d(h, c_j, e_1..e_3)
    auto regulariser = [&] { return output_regulariser(hnet.generate({0, 1, 2}), stored, beta); };
    hnet.backward(output_regulariser_grad(hnet.generate({0, 1, 2}), stored, beta));
    CHECK(hnet.embeddings[0].grad.norm() > 0);
    const double worst = worst_hypernet_error(hnet, regulariser);
    WARN("output regulariser through the hypernetwork: largest relative error " << worst);
    CHECK(worst < 1e-5);
}

TEST_CASE("hypernetwork: the initial generated weights have the chosen spread, one set per context",
          "[hypernetwork]") {
    Rng rng(5);
    HypernetSizes sizes;  // the defaults, for a 784-100-100-2 target
    Hypernetwork hnet(88802, 5, sizes, rng);
    CHECK(hnet.chunks() == 3);
    const Mat theta = hnet.generate({0, 1, 2, 3, 4});
    auto sd = [](const Mat& m) { return std::sqrt((m.array() - m.mean()).square().mean()); };
    CHECK(sd(theta) == Approx(sizes.weight_sd).epsilon(1e-9));
    for (int t = 0; t < 5; ++t) {
        CHECK(sd(theta.col(t)) > sizes.weight_sd / 4);
        CHECK(sd(theta.col(t)) < sizes.weight_sd * 4);
    }
    CHECK((theta.col(0) - theta.col(1)).norm() > 0.1 * theta.col(0).norm());  // different embeddings, nets
}

TEST_CASE("hypernetwork: predictive entropy and the context with the lowest one", "[hypernetwork]") {
    Mat logits(2, 3);
    logits << 0, 20, -3,  //
        0, -20, 3;
    const Vec h = predictive_entropy(logits);
    CHECK(h(0) == Approx(std::log(2.0)));  // uniform over 2 classes
    CHECK(h(1) < 1e-7);                    // certain
    const double p = 1 / (1 + std::exp(-6.0));
    CHECK(h(2) == Approx(-p * std::log(p) - (1 - p) * std::log(1 - p)));
    Mat entropies(3, 4);
    entropies << 0.1, 0.5, 0.7, 0.3,  //
        0.2, 0.4, 0.1, 0.3,           //
        0.3, 0.6, 0.2, 0.2;
    CHECK(lowest_entropy(entropies) == std::vector<int>{0, 1, 1, 2});
}
