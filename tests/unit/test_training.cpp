// End to end: a small tanh MLP trained with Adam and backprop learns the XOR toy set, by hand and through the
// Trainer.
#include <catch2/catch.hpp>
#include "engine/dataset.h"
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/metrics.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "labs/supervised_run.h"
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

TEST_CASE("training: SupervisedRun trains the same XOR net through the Trainer, logging every epoch",
          "[training]") {
    Rng rng(2024);
    const Split data = make_xor(rng, 400);
    SupervisedRun run;
    run.start(Mlp({2, 16, 2}, ActivationKind::Tanh, rng), std::make_unique<SoftmaxCrossEntropy>(),
              std::make_unique<Backprop>(), std::make_unique<Adam>(0.05), &data, 32, 20, 5, 1.0, 1);
    while (!run.trainer.done()) run.trainer.step();
    REQUIRE(run.trainer.error.empty());
    const MetricLog& epochs = run.trainer.epochs;
    CHECK(epochs.columns ==
          std::vector<std::string>{"epoch", "train_loss", "test_loss", "train_acc", "test_acc"});
    CHECK(epochs.rows() == 20);
    CHECK(epochs.last("train_acc") >= 0.9);
    CHECK(epochs.last("test_acc") >= 0.85);
    CHECK(run.trainer.batches.rows() == 20 * 13 / 5);  // 13 batches of <= 32 per epoch, a row every 5
    CHECK(run.trainer.samples_seen == 20 * 400);
    CHECK(run.confusion.sum() == data.test.size());
}
