// Lab 4 acceptance: plain training overfits 1,000 digits, the recommended combination generalizes better,
// early stopping ends with the best epoch's weights, and every switch changes what it should.
#include <algorithm>
#include <catch2/catch.hpp>
#include "engine/batch_norm.h"
#include "engine/dropout.h"
#include "labs/regularization/regularization_lab.h"
#include "tests/lab_test_helpers.h"

using namespace pl;

namespace {

double metric(const Lab& lab, const std::string& name) {
    for (const auto& [key, value] : lab.final_metrics())
        if (key == name) return value;
    FAIL("no final metric " << name);
    return 0;
}

// A fresh lab with `settings` ("a=1&b=2") on top of the defaults, run to its end.
void run_with(RegularizationLab& lab, const std::string& settings) {
    REQUIRE(lab.params.set_all(settings).empty());
    lab.reset();
    REQUIRE(lab.error.empty());
    run_to_end(lab);
    REQUIRE(lab.error.empty());
}

template <class LayerT>
int count_layers(Mlp& net) {
    int n = 0;
    for (auto& layer : net.layers) n += dynamic_cast<LayerT*>(layer.get()) != nullptr;
    return n;
}

}  // namespace

TEST_CASE("without regularizers the net overfits, and the recommended combination tests >= 2 points better",
          "[lab][slow]") {
    RegularizationLab none, recommended;
    run_with(none, "preset=none");
    run_with(recommended, "preset=recommended");
    REQUIRE(none.settings().training.epochs == recommended.settings().training.epochs);
    REQUIRE(none.epochs_logged() == none.settings().training.epochs);
    const double none_train = metric(none, "train_acc"), none_test = metric(none, "test_acc");
    const double rec_train = metric(recommended, "train_acc"), rec_test = metric(recommended, "test_acc");
    WARN("train_size 1000, " << none.epochs_logged() << " epochs, seed 1. none: train " << none_train
                             << ", test " << none_test << "; recommended ("
                             << recommended.regularizers().summary() << "): train " << rec_train << ", test "
                             << rec_test);
    CHECK(none_train >= 0.99);
    CHECK(none_train - none_test >= 0.05);  // "clearly lower": a gap of at least 5 points
    CHECK(rec_test - none_test >= 0.02);
    CHECK(rec_train - rec_test < none_train - none_test);  // and the gap narrows
}

TEST_CASE("early stopping stops after `patience` epochs without progress and ends with the best weights",
          "[lab]") {
    RegularizationLab lab;
    run_with(lab, "early_stopping=true&patience=3&train_size=500&epochs=40");
    const MetricLog& epochs = *lab.logs()[0];
    const std::vector<double>& valid_loss = epochs.column("valid_loss");
    const int best = lab.best_epoch();
    WARN("early stopping: best epoch " << best << " (valid loss " << valid_loss[size_t(best - 1)]
                                       << "), stopped after epoch " << epochs.rows());
    REQUIRE(epochs.rows() < 40);
    CHECK(epochs.rows() == best + 3);
    CHECK(valid_loss[size_t(best - 1)] == *std::min_element(valid_loss.begin(), valid_loss.end()));
    // The network now is the one evaluated at the best epoch: its test loss and accuracy, recomputed.
    const Dataset& test = lab.run.data->test;
    const Mat out = lab.run.net.forward(test.x, false);
    CHECK(lab.run.loss->value(out, test.y) ==
          Approx(epochs.column("test_loss")[size_t(best - 1)]).epsilon(1e-6));  // float32 sums
    CHECK(metric(lab, "test_acc") == epochs.column("test_acc")[size_t(best - 1)]);
    CHECK(epochs.column("test_loss")[size_t(best - 1)] != epochs.last("test_loss"));  // not the last epoch's
    CHECK(metric(lab, "epoch_stopped") == epochs.rows());
}

TEST_CASE("presets override the switches and train_size is clamped to leave the validation digits", "[lab]") {
    RegularizationLab lab;
    REQUIRE(lab.params.set_all("dropout=0.5&l2=0.001&batch_norm=true&preset=none").empty());
    lab.reset();
    CHECK(lab.regularizers().summary() == "none");
    CHECK(count_layers<Dropout>(lab.run.net) == 0);
    CHECK(count_layers<BatchNorm>(lab.run.net) == 0);

    REQUIRE(lab.params.set("preset", "recommended").empty());
    lab.reset();
    CHECK(lab.regularizers().summary() == RegularizationLab::kRecommended.summary());

    REQUIRE(lab.params.set("preset", "custom").empty());
    lab.reset();
    CHECK(lab.regularizers().l2 == 0.001);
    CHECK(count_layers<Dropout>(lab.run.net) == 1);
    CHECK(count_layers<BatchNorm>(lab.run.net) == 1);
    CHECK(lab.run.data->train.size() == 1000);

    // at most 7,000 training digits: the last 1,000 of the 8,000 are the validation set
    CHECK(lab.params.set("train_size", "7500").find("7000") != std::string::npos);
    lab.reset();
    CHECK(lab.error.empty());
    CHECK(lab.run.data->train.size() == 7000);
}

TEST_CASE("each switch leaves its mark on the trained weights", "[lab]") {
    const std::string base = "train_size=500&epochs=4&hidden=128&";
    RegularizationLab plain, l2, l1, max_norm;
    run_with(plain, base);
    run_with(l2, base + "l2=0.01");
    run_with(l1, base + "l1=0.0005");
    run_with(max_norm, base + "max_norm=1");
    auto w1 = [](RegularizationLab& lab) { return lab.run.net.linears().front()->W.value; };
    auto small = [](const Mat& W) { return double((W.array().abs() < 1e-3).count()) / double(W.size()); };
    WARN("||W1||: plain " << w1(plain).norm() << ", L2 " << w1(l2).norm() << "; |w| < 1e-3: plain "
                          << small(w1(plain)) << ", L1 " << small(w1(l1)) << "; largest row norm: plain "
                          << w1(plain).rowwise().norm().maxCoeff() << ", max-norm 1 "
                          << w1(max_norm).rowwise().norm().maxCoeff());
    CHECK(w1(l2).norm() < 0.8 * w1(plain).norm());
    CHECK(small(w1(l1)) > 2 * small(w1(plain)));
    CHECK(w1(plain).rowwise().norm().maxCoeff() > 1);
    CHECK(w1(max_norm).rowwise().norm().maxCoeff() <= 1 + 1e-6);  // float32 rounding
}

TEST_CASE("dropout and batch norm train, and inference is deterministic", "[lab]") {
    RegularizationLab lab;
    run_with(lab, "train_size=500&epochs=3&dropout=0.5&input_dropout=0.2&batch_norm=true");
    CHECK(count_layers<Dropout>(lab.run.net) == 2);
    CHECK(count_layers<BatchNorm>(lab.run.net) == 1);
    CHECK(metric(lab, "test_acc") >= check_figure("regularization.dropout_trains"));  // 0.80
    const Vec digit = lab.run.data->test.x.col(0);
    CHECK(lab.run.predict(digit) == lab.run.predict(digit));  // no masks, running statistics: the same output
}

TEST_CASE("batch norm needs its running averages at inference: one digit normalized by itself is lost",
          "[lab]") {
    RegularizationLab lab;
    run_with(lab, "train_size=500&epochs=2&batch_norm=true");
    const double running = lab.test_accuracy(500), batch_100 = lab.test_accuracy(500, 100);
    const double single = lab.test_accuracy(500, 1);
    WARN("batch norm, 500 test digits: running averages " << running << ", batches of 100 " << batch_100
                                                          << ", one digit at a time " << single);
    CHECK(running > 0.7);
    CHECK(std::abs(batch_100 - running) < 0.05);
    // a batch of one normalizes every unit to x_hat = 0: the output no longer depends on the digit
    CHECK(single < 0.2);
    CHECK(lab.test_accuracy(500) == running);  // the evaluations left the running averages alone
}

TEST_CASE("augmented samples start with the original digit and differ from it", "[lab]") {
    RegularizationLab lab;
    REQUIRE(lab.params.set("augment", "true").empty());
    lab.reset();
    const Mat tiles = lab.augmented_samples(3, 4, 1);
    REQUIRE(tiles.cols() == 15);
    const Dataset& train = lab.run.data->train;
    CHECK(tiles.col(5) == train.x.col(1));
    CHECK((tiles.col(6) - train.x.col(1)).cwiseAbs().maxCoeff() > 0.1);
    CHECK(tiles == lab.augmented_samples(3, 4, 1));
}

TEST_CASE("Lab 4 editor: patience only with early stopping, and reset reads every switch into the settings",
          "[lab]") {
    RegularizationLab lab;
    const ParamSpec& patience = *lab.params.find("patience");
    CHECK_FALSE(lab.params.applies(patience));
    REQUIRE(
        lab.params.set_all("early_stopping=true&patience=3&pixel_noise=0.2&train_size=200&epochs=1").empty());
    CHECK(lab.params.applies(patience));
    lab.reset();
    REQUIRE(lab.error.empty());
    CHECK(lab.regularizers().early_stopping);
    CHECK(lab.regularizers().patience == 3);
    CHECK(lab.regularizers().augmentation.noise == 0.2);
    CHECK(lab.regularizers().augmentation.elastic_sigma == 4);  // not a parameter: its default
    CHECK(lab.settings().train_size == 200);
    CHECK(lab.run.data->train.size() == 200);
}

TEST_CASE("Lab 4 at lr=10: the loss explodes in epoch 1 and the run stops with what to change", "[lab]") {
    RegularizationLab lab;
    REQUIRE(lab.params.set_all("lr=10&optimizer=sgd&train_size=500&epochs=2").empty());
    lab.reset();
    run_to_end(lab);
    CHECK_THAT(lab.error, Catch::StartsWith("training diverged in epoch 1, batch"));
    CHECK_THAT(lab.error,
               Catch::Contains("x its start); lower the learning rate (lr, now 10) or use optimizer=adam"));
}
