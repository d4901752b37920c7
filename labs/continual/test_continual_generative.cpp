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

}  // namespace

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
