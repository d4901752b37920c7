// SGD, Momentum and Adam against steps computed by hand on w = (1, -2), g1 = (0.5, -1), g2 = (0.25, 2).
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>
#include "engine/optimizer.h"

using namespace pl;

static Mat vec2(double a, double b) { return (Mat(2, 1) << a, b).finished(); }

// Runs two steps with the fixed gradients and returns w after each
static std::pair<Mat, Mat> two_steps(Optimizer& opt) {
    Param p{"w", vec2(1.0, -2.0), vec2(0.5, -1.0)};
    opt.step({&p});
    const Mat after1 = p.value;
    p.grad = vec2(0.25, 2.0);
    opt.step({&p});
    return {after1, p.value};
}

static void require_close(const Mat& got, double a, double b) {
    INFO("got " << got.transpose());
    REQUIRE(got(0) == Approx(a).margin(1e-12));
    REQUIRE(got(1) == Approx(b).margin(1e-12));
}

TEST_CASE("optimizers: SGD w -= lr g", "[optim]") {
    Sgd sgd(0.1);
    const auto [w1, w2] = two_steps(sgd);
    require_close(w1, 0.95, -1.9);   // 1 - 0.1*0.5, -2 + 0.1*1
    require_close(w2, 0.925, -2.1);  // 0.95 - 0.1*0.25, -1.9 - 0.1*2
}

TEST_CASE("optimizers: Momentum v = mu v + g, w -= lr v", "[optim]") {
    Momentum momentum(0.1, 0.9);
    const auto [w1, w2] = two_steps(momentum);
    require_close(w1, 0.95, -1.9);   // v1 = g1 = (0.5, -1)
    require_close(w2, 0.88, -2.01);  // v2 = 0.9 v1 + g2 = (0.7, 1.1)
}

TEST_CASE("optimizers: Adam with bias correction", "[optim][exercise:backprop.adam_step]") {
    Adam adam(0.1, 0.9, 0.999, 1e-8);
    const auto [w1, w2] = two_steps(adam);
    // step 1: m^ = g1, v^ = g1^2, so w -= 0.1 * g1 / (|g1| + 1e-8)
    require_close(w1, 1.0 - 0.1 * 0.5 / (0.5 + 1e-8), -2.0 + 0.1 * 1.0 / (1.0 + 1e-8));
    // step 2: m = (0.07, 0.11), v = (0.00031225, 0.004999); m^ = m / 0.19, v^ = v / 0.001999
    const double m0 = 0.07 / 0.19, m1 = 0.11 / 0.19;
    const double v0 = 0.00031225 / 0.001999, v1 = 0.004999 / 0.001999;
    require_close(w2, w1(0) - 0.1 * m0 / (std::sqrt(v0) + 1e-8), w1(1) - 0.1 * m1 / (std::sqrt(v1) + 1e-8));
    require_close(w2, 0.8067820404774624, -1.9366103534720749);  // the same numbers, evaluated
}

// Adam works block by block and stores moments below 1e-30 as 0 (so they never reach the slow subnormal
// range): on a weight of three blocks, half of it losing its gradient after 5 steps, 900 steps must still
// follow the textbook update computed per element in double.
TEST_CASE("optimizers: Adam over several blocks with dying gradients follows the textbook update",
          "[optim]") {
    const int n = 2500, steps = 900;
    const double lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    Param p{"w", Mat::Zero(n, 1), Mat::Zero(n, 1)};
    Adam adam(lr, b1, b2, eps);
    std::vector<double> w(n, 0.0), m(n, 0.0), v(n, 0.0);
    for (int t = 1; t <= steps; ++t) {
        for (int i = 0; i < n; ++i) {
            const bool alive = t <= 5 || i % 2 == 0;
            p.grad(i) = alive ? Real(std::sin(0.37 * i + 0.11 * t)) : Real(0);
            m[i] = b1 * m[i] + (1 - b1) * p.grad(i);
            v[i] = b2 * v[i] + (1 - b2) * p.grad(i) * p.grad(i);
            w[i] -= lr * (m[i] / (1 - std::pow(b1, t))) / (std::sqrt(v[i] / (1 - std::pow(b2, t))) + eps);
        }
        adam.step({&p});
    }
    for (int i : {0, 1, 1023, 1024, 1025, 2047, 2048, 2499}) {
        INFO("weight " << i);
        REQUIRE(p.value(i) == Approx(w[i]).margin(2e-4));
    }
    REQUIRE(std::abs(w[1]) > 1e-3);  // the dying half did move (in its first 5 steps)
}

TEST_CASE("optimizers: Adam refuses a gradient of another shape than its weight", "[optim]") {
    Adam adam(0.1);
    Param p{"W", Mat::Zero(3, 2), Mat::Zero(2, 2)};
    REQUIRE_THROWS_WITH(adam.step({&p}), "Adam: the gradient of W is not the shape of its value");
}

TEST_CASE("optimizers: state is kept per parameter", "[optim]") {
    Momentum momentum(1.0, 0.5);
    Param a{"a", vec2(0, 0), vec2(1, 1)}, b{"b", vec2(0, 0), vec2(-1, -1)};
    momentum.step({&a, &b});
    momentum.step({&a, &b});
    require_close(a.value, -2.5, -2.5);  // v = 1, then 1.5
    require_close(b.value, 2.5, 2.5);
}

TEST_CASE("optimizers: make_optimizer by name", "[optim]") {
    REQUIRE(dynamic_cast<Sgd*>(make_optimizer("sgd", 0.1).get()) != nullptr);
    REQUIRE(dynamic_cast<Momentum*>(make_optimizer("momentum", 0.1).get()) != nullptr);
    auto adam = make_optimizer("adam", 0.01);
    REQUIRE(dynamic_cast<Adam*>(adam.get()) != nullptr);
    REQUIRE(adam->lr == 0.01);
    REQUIRE_THROWS_AS(make_optimizer("rmsprop", 0.1), std::invalid_argument);
    REQUIRE_THROWS_WITH(make_optimizer("rmsprop", 0.1),
                        Catch::Equals("unknown optimizer 'rmsprop'; valid: adam, sgd, momentum"));
    for (const TableEntry<OptimizerFactory>& entry : optimizer_table().entries()) {
        INFO(entry.name);
        REQUIRE(!entry.help.empty());
        REQUIRE(entry.value(0.5)->lr == 0.5);
    }
}
