// SGD, Momentum and Adam against steps computed by hand on w = (1, -2), g1 = (0.5, -1), g2 = (0.25, 2).
#include <catch2/catch.hpp>
#include <stdexcept>
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
