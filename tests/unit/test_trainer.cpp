// The Trainer: chunks sum to the batch's gradient, phases and columns, hooks, evaluation passes, progress,
// and the divergence rule: a non-finite loss, gradient or weight, a loss exploding past its start, a dead
// net.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include "engine/loss.h"
#include "engine/optimizer.h"
#include "engine/trainer.h"

using namespace pl;

namespace {

// y = W x with the mean squared error and SGD: the smallest model the Trainer can train.
struct LinearModel : TrainerModel {
    Param W{"W", Mat::Zero(1, 2), Mat::Zero(1, 2)};
    Sgd sgd{0.1};
    MeanSquaredError mse;
    int chunk = 1 << 30;
    int passes = 1;
    int updates = 0, end_epochs = 0;
    int chunk_size() const override { return chunk; }
    int eval_passes() const override { return passes; }
    ChunkResult train_chunk(const Mat& x, const Mat& y) override {
        ChunkResult r;
        r.outputs = W.value * x;
        r.loss = mse.value(r.outputs, y);
        W.grad = mse.grad(r.outputs, y) * x.transpose();
        return r;
    }
    void update() override {
        sgd.step({&W});
        ++updates;
    }
    Mat predict(const Mat& x, int pass) override { return W.value * x + Mat::Constant(1, x.cols(), pass); }
    double eval_loss(const Mat& outputs, const Mat& y) override { return mse.value(outputs, y); }
    std::vector<Param*> params() override { return {&W}; }
    void end_epoch() override { ++end_epochs; }
};

// y = 2 x1 - x2 on n points
Dataset line_data(int n, uint64_t seed) {
    Rng rng(seed);
    Dataset d;
    d.x = Mat::NullaryExpr(2, n, [&] { return rng.uniform(); });
    d.y = Eigen::RowVector2d(2, -1) * d.x;
    return d;
}

void run_to_end(Trainer& trainer) {
    while (!trainer.done()) trainer.step();
}

}  // namespace

TEST_CASE("trainer: a batch cut into chunks makes the same update as the whole batch", "[trainer]") {
    const Dataset data = line_data(40, 1);
    TrainerSetup setup;
    setup.phases = {{"fit", &data, 3}};
    setup.columns = {"train_loss"};
    setup.batch = 16;  // 40 = 16 + 16 + 8: the last batch is short
    LinearModel whole, chunked;
    chunked.chunk = 5;  // a batch of 16 in chunks of 5, 5, 5, 1
    Trainer a, b;
    a.start(whole, setup);
    b.start(chunked, setup);
    run_to_end(a);
    run_to_end(b);
    CHECK(whole.updates == 9);
    CHECK(chunked.updates == 9);
    CHECK((whole.W.value - chunked.W.value).norm() < 1e-12);
    CHECK(a.samples_seen == 120);
    CHECK(b.samples_seen == 120);
    CHECK(std::abs(a.epochs.last("train_loss") - b.epochs.last("train_loss")) < 1e-12);
}

TEST_CASE("trainer: phases with their own data, several evaluation sets, a phase column", "[trainer]") {
    const Dataset first = line_data(30, 2), second = line_data(20, 3), probe = line_data(10, 4);
    LinearModel model;
    Trainer trainer;
    std::vector<int> ended;
    trainer.hooks.end_phase = [&](int phase) { return ended.push_back(phase), true; };
    TrainerSetup setup;
    setup.phases = {{"a", &first, 2}, {"b", &second, 3}};
    setup.eval_sets = {{"a", &first}, {"b", &second}, {"probe", &probe}};
    setup.columns = {"a_loss", "b_loss", "probe_loss", "train_loss"};
    setup.batch = 10;
    trainer.start(model, setup);
    run_to_end(trainer);
    REQUIRE(trainer.error.empty());
    const MetricLog& epochs = trainer.epochs;
    CHECK(epochs.columns ==
          std::vector<std::string>{"epoch", "phase", "a_loss", "b_loss", "probe_loss", "train_loss"});
    CHECK(epochs.column("epoch") == std::vector<double>{1, 2, 3, 4, 5});
    CHECK(epochs.column("phase") == std::vector<double>{1, 1, 2, 2, 2});
    CHECK(ended == std::vector<int>{0, 1});
    CHECK(trainer.samples_seen == 2 * 30 + 3 * 20);
    CHECK(model.end_epochs == 4);  // not after the last epoch
    CHECK(epochs.last("probe_loss") < epochs.column("probe_loss").front());
    CHECK(trainer.outputs("probe").cols() == 10);
    CHECK(trainer.progress() == 1);
}

TEST_CASE("trainer: a phase's end work over several steps, nothing in between, the same result",
          "[trainer]") {
    const Dataset first = line_data(30, 2), second = line_data(20, 3);
    TrainerSetup setup;
    setup.phases = {{"a", &first, 2}, {"b", &second, 1}};
    setup.eval_sets = {{"b", &second}};
    setup.batch = 10;
    // The boundary work: W <- W / 2 at the end of phase a, done by the third call (sliced) or the first.
    auto halve_after = [](LinearModel& model, int calls_needed, int& calls) {
        return [&model, calls_needed, &calls](int phase) {
            if (phase == 1) return true;
            if (++calls < calls_needed) return false;
            model.W.value /= 2;
            return true;
        };
    };
    LinearModel sliced_model, at_once_model;
    int sliced_calls = 0, at_once_calls = 0;
    Trainer sliced, at_once;
    sliced.hooks.end_phase = halve_after(sliced_model, 3, sliced_calls);
    at_once.hooks.end_phase = halve_after(at_once_model, 1, at_once_calls);
    sliced.start(sliced_model, setup);
    at_once.start(at_once_model, setup);

    // Steps until phase a's end work starts: the second epoch's evaluation row is logged.
    while (sliced_calls == 0) sliced.step();
    const long long seen = sliced.samples_seen;
    const int rows = sliced.epochs.rows();
    CHECK(seen == 2 * 30);
    for (int call = 2; call <= 3; ++call) {  // one call per step, no training or evaluation in between
        sliced.step();
        CHECK(sliced_calls == call);
        CHECK(sliced.samples_seen == seen);
        CHECK(sliced.epochs.rows() == rows);
        CHECK(!sliced.done());
    }
    sliced.step();  // training resumes on phase b
    CHECK(sliced_calls == 3);
    CHECK(sliced.samples_seen > seen);
    CHECK(sliced.phase() == 1);

    run_to_end(sliced);
    run_to_end(at_once);
    CHECK(at_once_calls == 1);
    CHECK(sliced_model.W.value == at_once_model.W.value);
    CHECK(sliced.epochs.column("b_loss") == at_once.epochs.column("b_loss"));
    CHECK(sliced.progress() == 1);
}

TEST_CASE("trainer: hooks append samples, add a loss term, wrap the update, fill columns and stop",
          "[trainer]") {
    const Dataset data = line_data(20, 5);
    LinearModel model;
    Trainer trainer;
    int before = 0, after = 0;
    TrainerHooks& hooks = trainer.hooks;
    hooks.transform_batch = [](Mat& x, Mat& y) {  // replay: two stored samples join every batch
        const Mat stored_x = Mat::Ones(2, 2), stored_y = Mat::Constant(1, 2, 1.0);
        x.conservativeResize(Eigen::NoChange, x.cols() + 2);
        y.conservativeResize(Eigen::NoChange, y.cols() + 2);
        x.rightCols(2) = stored_x, y.rightCols(2) = stored_y;
    };
    hooks.extra_loss = [&] { return 1.0; };
    hooks.before_update = [&] { ++before; };
    hooks.after_update = [&] { ++after; };
    hooks.end_epoch = [&] { return std::vector<double>{double(before)}; };
    hooks.stop_after_epoch = [&] { return trainer.epoch() == 2; };
    TrainerSetup setup;
    setup.phases = {{"fit", &data, 10}};
    setup.columns = {"train_loss", "updates"};
    setup.batch = 10;
    trainer.start(model, setup);
    run_to_end(trainer);
    CHECK(trainer.epochs.rows() == 2);
    CHECK(trainer.epochs.column("updates") == std::vector<double>{2, 4});
    CHECK(after == 4);
    CHECK(trainer.samples_seen == 2 * 2 * 12);
    CHECK(trainer.epochs.last("train_loss") > 1);  // the extra term's 1 is in the loss
}

TEST_CASE("trainer: evaluation every k epochs, a row before training, outputs averaged over passes",
          "[trainer]") {
    const Dataset data = line_data(20, 6);
    LinearModel model;
    model.passes = 4;  // predict adds the pass: outputs + (0 + 1 + 2 + 3) / 4
    Trainer trainer;
    TrainerSetup setup;
    setup.phases = {{"fit", &data, 5}};
    setup.eval_sets = {{"test", &data}};
    setup.columns = {"test_loss"};
    setup.eval_every = 2;
    setup.evaluate_at_start = true;
    setup.work_per_step = 1000;  // more than the whole run: each step ends at a row
    trainer.start(model, setup);
    CHECK(trainer.evaluating());
    int steps = 0;
    for (; !trainer.done(); ++steps) {
        trainer.step();
        CHECK(trainer.epochs.rows() == steps + 1);
    }
    CHECK(steps == 4);
    CHECK(trainer.epochs.column("epoch") == std::vector<double>{0, 2, 4, 5});
    const Mat expected = (model.W.value * data.x).array() + 1.5;
    CHECK((trainer.outputs("test") - expected).norm() < 1e-12);
}

TEST_CASE("trainer: a diverging loss or parameter stops the run with one message", "[trainer]") {
    const Dataset data = line_data(20, 7);
    LinearModel model;
    model.sgd.lr = 1e200;  // the first update overflows
    Trainer trainer;
    TrainerSetup setup;
    setup.phases = {{"fit", &data, 3}};
    setup.batch = 5;
    trainer.start(model, setup);
    double last_progress = 0;
    while (!trainer.done()) {
        trainer.step();
        CHECK(trainer.progress() >= last_progress);
        last_progress = trainer.progress();
    }
    CHECK_THAT(trainer.error, Catch::StartsWith("training diverged in epoch 1, batch"));
    CHECK_THAT(trainer.error, Catch::Contains("not finite"));
    CHECK_THAT(trainer.error, Catch::Contains("lower the learning rate"));
}

namespace {

// A model whose batch losses and weight gradients follow a script (one chunk per batch): the divergence
// rule's inputs, one at a time.
struct ScriptedModel : TrainerModel {
    Param W{"W", Mat::Ones(2, 2), Mat::Zero(2, 2)};
    Param b{"b", Mat::Zero(2, 1), Mat::Zero(2, 1)};
    std::function<double(int batch)> loss = [](int) { return 1.0; };
    std::function<double(int batch)> weight_grad = [](int) { return 0.5; };  // every entry of W's grad
    bool same_output = false;  // one output for every input (b alone), as in a net whose hidden units died
    int batch = 0;
    ChunkResult train_chunk(const Mat& x, const Mat& y) override {
        (void)y;
        ChunkResult r;
        r.outputs = same_output ? Mat(b.value.replicate(1, x.cols())) : Mat(W.value * x);
        r.loss = loss(batch);
        W.grad.setConstant(weight_grad(batch));
        b.grad.setConstant(0.1);  // the output bias still learns
        ++batch;
        return r;
    }
    void update() override {}
    Mat predict(const Mat& x, int pass) override {
        (void)pass;
        return W.value * x;
    }
    std::vector<Param*> params() override { return {&W, &b}; }
};

// Trains `model` on 40 points in batches of 4 (10 batches an epoch) for `epochs`; returns the error.
std::string run_scripted(ScriptedModel& model, int epochs) {
    const Dataset data = line_data(40, 8);
    Trainer trainer;
    TrainerSetup setup;
    setup.phases = {{"fit", &data, epochs}};
    setup.batch = 4;
    setup.advice = "lower lr (now 3)";
    trainer.start(model, setup);
    run_to_end(trainer);
    return trainer.error;
}

// Trains `model` on `points` points of the line in batches of `batch` for `epochs`; returns the error.
std::string run_linear(LinearModel& model, int points, int batch, int epochs) {
    const Dataset data = line_data(points, 9);
    Trainer trainer;
    TrainerSetup setup;
    setup.phases = {{"fit", &data, epochs}};
    setup.batch = batch;
    trainer.start(model, setup);
    run_to_end(trainer);
    return trainer.error;
}

}  // namespace

TEST_CASE("trainer: a loss over kLossGrowthLimit times its start stops the run", "[trainer]") {
    ScriptedModel model;  // the start: the largest |loss| of the first 32 samples (8 batches): 1.07
    model.loss = [](int batch) { return batch < 30 ? 1 + 0.01 * batch : 1000; };
    CHECK(run_scripted(model, 5) ==
          "training diverged in epoch 4, batch 31: the loss grew from 1.07 to 1e+03 (over 100x its start); "
          "lower lr (now 3)");

    ScriptedModel under_limit;  // just under 100x the start: no divergence
    under_limit.loss = [](int batch) { return batch < 30 ? 1 + 0.01 * batch : 106.9; };
    CHECK(run_scripted(under_limit, 5).empty());

    ScriptedModel uneven_start;  // the first batches differ 5000-fold (e.g. single points of y = x^3)
    uneven_start.loss = [](int batch) { return batch == 3 ? 50 : batch < 8 ? 0.01 : 1000; };
    CHECK(run_scripted(uneven_start, 5).empty());
}

TEST_CASE("trainer: SGD with too large a step diverges by its loss before any number overflows",
          "[trainer]") {
    LinearModel model;
    // on x in [0, 1]^2 a step above 2 / (7/12) = 3.4 overshoots: the loss grows ~13x a batch
    model.sgd.lr = 8;
    CHECK_THAT(run_linear(model, 40, 8, 10), Catch::Contains("x its start); lower the learning rate"));
    CHECK(model.W.value.allFinite());
    CHECK(model.updates < 20);
}

TEST_CASE("trainer: a non-finite gradient stops the run before the update", "[trainer]") {
    ScriptedModel model;
    model.weight_grad = [](int batch) { return batch == 12 ? std::nan("") : 0.5; };
    CHECK(run_scripted(model, 3) ==
          "training diverged in epoch 2, batch 13: the gradient of W is not finite (NaN) before the update; "
          "lower lr (now 3)");
    ScriptedModel minus_infinity, minus_nan;  // the sign bit set
    minus_infinity.weight_grad = [](int batch) { return batch == 3 ? -HUGE_VAL : 0.5; };
    CHECK_THAT(run_scripted(minus_infinity, 3),
               Catch::Contains("batch 4: the gradient of W is not finite (infinite)"));
    minus_nan.weight_grad = [](int batch) { return batch == 3 ? -std::nan("") : 0.5; };
    CHECK_THAT(run_scripted(minus_nan, 3), Catch::Contains("batch 4: the gradient of W is not finite (NaN)"));
}

TEST_CASE("trainer: a non-finite weight after the update stops the run", "[trainer]") {
    LinearModel model;
    model.sgd.lr = std::numeric_limits<double>::infinity();
    CHECK_THAT(run_linear(model, 20, 5, 2),
               Catch::StartsWith("training diverged in epoch 1, batch 1: W is not "
                                 "finite (infinite) after the update"));
    CHECK(model.updates == 1);
}

TEST_CASE("trainer: a dead net (weight gradients 0, one output for every input) stops after kDeadBatches",
          "[trainer]") {
    ScriptedModel dies;  // alive for 5 batches, then dead
    dies.weight_grad = [](int batch) { return batch < 5 ? 0.5 : 0.0; };
    dies.same_output = true;
    CHECK(
        run_scripted(dies, 5) ==
        "training diverged in epoch 3, batch 25: the net has gone dead: in each of the last 20 batches every "
        "weight gradient was exactly 0 and the net gave the same output for every input, so it predicts at "
        "chance (loss 1); lower lr (now 3)");

    ScriptedModel stillborn;  // dead from the start: no learning rate helps
    stillborn.weight_grad = [](int) { return 0.0; };
    stillborn.same_output = true;
    CHECK(
        run_scripted(stillborn, 5) ==
        "training diverged in epoch 2, batch 20: the net is dead from its first batch: in each of its 20 "
        "batches every weight gradient was exactly 0 and the net gave the same output for every input, so it "
        "predicts at chance (loss 1); widen the hidden layers or change the activation or the initial weight "
        "scale");

    ScriptedModel transient;  // zero gradients, but never kDeadBatches in a row
    transient.weight_grad = [](int batch) { return batch % kDeadBatches == kDeadBatches - 1 ? 0.5 : 0.0; };
    transient.same_output = true;
    CHECK(run_scripted(transient, 10).empty());

    ScriptedModel frozen;  // zero weight gradients while the outputs still differ (a step without surrogate)
    frozen.weight_grad = [](int) { return 0.0; };
    CHECK(run_scripted(frozen, 10).empty());
}
