// The Trainer: chunks sum to the batch's gradient, phases and their columns, hooks, evaluation passes,
// divergence, progress.
#include <catch2/catch.hpp>
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
    trainer.hooks.end_phase = [&](int phase) { ended.push_back(phase); };
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
