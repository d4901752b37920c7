// Lab 6 acceptance for generative replay and the hypernetwork (seed 1, the lab's defaults): generative replay
// remembers in class-IL (ACC >= 60%), the hypernetwork keeps every context in task-IL (ACC >= 97%); and what
// the panel shows of each (generated digits; generated first-layer fields per context) is there.
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include "labs/continual/continual_lab.h"
#include "tests/lab_test_helpers.h"

using namespace pl;

namespace {

// Runs `lab` at its defaults with `settings` to the end and returns its final metrics by name; warns its
// native seconds per context.
std::map<std::string, double> run_with(ContinualLab& lab, const std::string& settings) {
    REQUIRE(lab.params.set_all(settings).empty());
    lab.reset();
    REQUIRE(lab.error.empty());
    const auto start = std::chrono::steady_clock::now();
    run_to_end(lab);
    REQUIRE(lab.error.empty());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    WARN(settings << ": " << seconds / lab.run.contexts() << " s per context (native, evaluations included)");
    const auto metrics = lab.final_metrics();
    return std::map<std::string, double>(metrics.begin(), metrics.end());
}

// A method whose work on each batch is done in one step, as before it was split over steps.
class InOneGo : public ContinualMethod {
public:
    explicit InOneGo(std::unique_ptr<ContinualMethod> method) : method_(std::move(method)) {}
    bool trains_on_all_seen() const override { return method_->trains_on_all_seen(); }
    std::vector<Param*> params(ContinualRun& run) override { return method_->params(run); }
    Mat forward(ContinualRun& run, const Mat& x) override { return method_->forward(run, x); }
    void backward(ContinualRun& run, const Mat& g) override { method_->backward(run, g); }
    Mat predict(ContinualRun& run, const Mat& x) override { return method_->predict(run, x); }
    void begin_context(ContinualRun& run) override { method_->begin_context(run); }
    void transform_batch(ContinualRun& run, Mat& x, Mat& y) override { method_->transform_batch(run, x, y); }
    bool train_on_batch(ContinualRun& run, const Mat& x) override {
        while (!method_->train_on_batch(run, x)) {
        }
        return true;
    }
    double penalty(ContinualRun& run) override { return method_->penalty(run); }
    void after_update(ContinualRun& run) override { method_->after_update(run); }
    bool end_context(ContinualRun& run) override { return method_->end_context(run); }

private:
    std::unique_ptr<ContinualMethod> method_;
};

}  // namespace

TEST_CASE(
    "generative replay: each half generator step on a batch is a step of its own; the numbers as in one go",
    "[lab]") {
    auto run = [](bool in_one_go, long long& steps) {
        ContinualLab lab;
        REQUIRE(lab.params.set_all("method=generative-replay&epochs=1&batch=128").empty());
        lab.reset();
        REQUIRE(lab.error.empty());
        if (in_one_go) lab.run.method = std::make_unique<InOneGo>(std::move(lab.run.method));
        steps = 0;
        for (; !lab.done(); ++steps) {  // split: 3 generator steps in halves, then the classifier
            lab.step();
            if (steps == 5) CHECK(lab.samples_seen() == (in_one_go ? 6 * 128 : 0));
            if (steps == 6 && !in_one_go) CHECK(lab.samples_seen() == 128);
        }
        REQUIRE(lab.error.empty());
        return logged_bits(lab);
    };
    long long split_steps = 0, one_go_steps = 0;
    const std::string split = run(false, split_steps), in_one_go = run(true, one_go_steps);
    CHECK(split_steps > one_go_steps);
    CHECK(split == in_one_go);
}

TEST_CASE("split class-IL: generative replay remembers the earlier contexts", "[lab][slow]") {
    ContinualLab lab;
    auto final = run_with(lab, "scenario=class&method=generative-replay");
    WARN("generative replay, split class-IL: ACC " << final["acc_avg"] << ", forgetting "
                                                   << final["forgetting"] << ", acc_c1 " << final["acc_c1"]);
    CHECK(final["acc_avg"] >= 0.60);
    CHECK(final["acc_c1"] >= 0.3);  // fine-tuning leaves the first context at 0
    // The panel's generated digits: 16 of them, pixel means with about the ink of real digits (~0.13)
    const Mat samples = lab.run.method->stored_images();
    CHECK(samples.rows() == 784);
    CHECK(samples.cols() == 16);
    CHECK(samples.minCoeff() >= 0);
    CHECK(samples.mean() > 0.05);
    CHECK(samples.mean() < 0.25);
}

TEST_CASE("split task-IL: the hypernetwork keeps every context", "[lab][slow]") {
    ContinualLab lab;
    auto final = run_with(lab, "scenario=task&method=hnet");
    WARN("hnet, split task-IL: ACC " << final["acc_avg"] << ", forgetting " << final["forgetting"]);
    CHECK(final["acc_avg"] >= 0.97);
    CHECK(final["forgetting"] <= 0.02);
    // The panel's fields: 8 first-layer fields of each of the 5 contexts' generated nets, all different
    const Mat fields = lab.run.method->stored_images();
    REQUIRE(fields.rows() == 784);
    REQUIRE(fields.cols() == 8 * 5);
    CHECK((fields.col(0) - fields.col(8)).norm() > 0.1 * fields.col(0).norm());  // context 1 vs 2, unit 1
}
