// End to end: a small tanh MLP trained with Adam and backprop learns the XOR toy set.
#include <catch2/catch.hpp>
#include "engine/dataset.h"
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/metrics.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "tests/unit/rule_test_helpers.h"

using namespace pl;

TEST_CASE("training: Mlp {2, 16, 2} tanh + Adam learns XOR", "[training]") {
    Rng rng(2024);
    const Split data = make_xor(rng, 400);
    Mlp net({2, 16, 2}, ActivationKind::Tanh, rng);
    REQUIRE(net.linears().size() == 2);
    REQUIRE(net.layers.size() == 3);
    SoftmaxCrossEntropy loss;
    Backprop backprop;
    Adam adam(0.05);

    const double start = accuracy(argmax_columns(net.forward(data.train.x)), data.train.labels);
    const double loss_start = loss.value(net.forward(data.train.x), data.train.y);
    train_full_batch(backprop, net, adam, loss, data.train.x, data.train.y, 300);
    const double train_acc = accuracy(argmax_columns(net.forward(data.train.x)), data.train.labels);
    const double test_acc = accuracy(argmax_columns(net.forward(data.test.x)), data.test.labels);
    INFO("accuracy before " << start << ", train " << train_acc << ", test " << test_acc);
    REQUIRE(train_acc >= 0.9);
    REQUIRE(test_acc >= 0.85);
    REQUIRE(loss.value(net.forward(data.train.x), data.train.y) < 0.5 * loss_start);
}
