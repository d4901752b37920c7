// Lab 6 acceptance (seed 1, the lab's defaults): fine-tuning forgets in the domain and class scenarios and
// hardly in the task one; EWC and SI help where van de Ven & Tolias (2019) say and fail in class-IL; replay
// and joint training remember. Each scenario's runs happen once in one test case, shared by its assertions.
#include <catch2/catch.hpp>
#include <map>
#include "engine/fisher.h"
#include "engine/json.h"
#include "labs/continual/continual_lab.h"
#include "labs/run_export.h"
#include "tests/lab_test_helpers.h"

using namespace pl;

namespace {
using Metrics = std::map<std::string, double>;

// The final metrics of the lab's defaults with `settings` ("scenario=class&method=replay"), run to the end.
Metrics run_continual(const std::string& settings) {
    ContinualLab lab;
    REQUIRE(lab.params.set_all(settings).empty());
    lab.reset();
    REQUIRE(lab.error.empty());
    run_to_end(lab);
    REQUIRE(lab.error.empty());
    Metrics out = final_metrics_by_name(lab);
    WARN(settings << ": acc_avg " << out["acc_avg"] << ", acc_c1..c5 " << out["acc_c1"] << " "
                  << out["acc_c2"] << " " << out["acc_c3"] << " " << out["acc_c4"] << " "
                  << out["acc_c5"]);  // the figures
    return out;
}
}  // namespace

TEST_CASE(
    "split class-IL: fine-tuning keeps only the last context, EWC and SI do not help, replay and joint do",
    "[lab][slow]") {
    const Metrics finetune = run_continual("scenario=class&method=finetune");
    CHECK(finetune.at("acc_avg") <= 0.25);
    CHECK(finetune.at("acc_c5") >= 0.90);
    for (const char* earlier : {"acc_c1", "acc_c2", "acc_c3", "acc_c4"}) CHECK(finetune.at(earlier) <= 0.05);
    CHECK(finetune.at("forgetting") >= 0.9);

    CHECK(run_continual("scenario=class&method=replay&replay_per_class=100").at("acc_avg") >=
          check_figure("continual.replay_remembers"));  // 0.80
    CHECK(run_continual("scenario=class&method=joint").at("acc_avg") >= 0.90);
    CHECK(run_continual("scenario=class&method=ewc").at("acc_avg") <= 0.30);
    CHECK(run_continual("scenario=class&method=si").at("acc_avg") <= 0.30);
}

TEST_CASE("split domain-IL: fine-tuning forgets, EWC or SI helps a little, replay a lot", "[lab][slow]") {
    const double finetune = run_continual("scenario=domain&method=finetune").at("acc_avg");
    CHECK(finetune <= 0.70);
    CHECK(run_continual("scenario=domain&method=replay").at("acc_avg") >= 0.85);
    const double ewc = run_continual("scenario=domain&method=ewc").at("acc_avg");
    const double si = run_continual("scenario=domain&method=si").at("acc_avg");
    CHECK(std::max(ewc, si) >= finetune + 0.03);
    CHECK(si >= check_figure("continual.si_remembers"));  // 0.65
}

TEST_CASE("split task-IL: fine-tuning forgets little, EWC and SI at least match it", "[lab][slow]") {
    const double finetune = run_continual("scenario=task&method=finetune").at("acc_avg");
    CHECK(finetune >= 0.90);
    CHECK(run_continual("scenario=task&method=ewc").at("acc_avg") >= finetune);
    CHECK(run_continual("scenario=task&method=si").at("acc_avg") >= finetune);
}

TEST_CASE("permuted domain-IL: EWC and replay remember at least 5 points more than fine-tuning",
          "[lab][slow]") {
    const double finetune = run_continual("benchmark=permuted&scenario=domain&method=finetune").at("acc_avg");
    const double ewc = run_continual("benchmark=permuted&scenario=domain&method=ewc").at("acc_avg");
    CHECK(ewc >= finetune + 0.05);
    CHECK(ewc >= check_figure("continual.ewc_remembers"));  // 0.875
    CHECK(run_continual("benchmark=permuted&scenario=domain&method=replay").at("acc_avg") >= finetune + 0.05);
}

TEST_CASE("a continual run logs every context's accuracy per epoch, fills R and exports it", "[lab]") {
    ContinualLab lab;
    REQUIRE(
        lab.params.set_all("hidden=16,16&epochs=2&scenario=class&method=replay&replay_per_class=10").empty());
    lab.reset();
    REQUIRE(lab.error.empty());
    run_to_end(lab);
    REQUIRE(lab.error.empty());
    const MetricLog& epochs = *lab.logs()[0];
    REQUIRE(epochs.rows() == 10);  // 5 contexts x 2 epochs
    CHECK(epochs.column("phase") == std::vector<double>{1, 1, 2, 2, 3, 3, 4, 4, 5, 5});
    // R's row i is the row that ended context i; a context not trained yet scores 0 in class-IL
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) {
            CHECK(lab.run.R(i, j) == Real(epochs.column("acc_c" + std::to_string(j + 1))[size_t(2 * i + 1)]));
            if (j > i) CHECK(lab.run.R(i, j) == 0);
        }
    // the first context's batches had no replay, the next ones' twice the samples
    long long expected = 0;
    for (int t = 0; t < 5; ++t)
        expected += 2LL * (t == 0 ? 1 : 2) * lab.run.benchmark->contexts[size_t(t)].train.size();
    CHECK(lab.samples_seen() == expected);
    CHECK(lab.run.method->stored_images().cols() == 5 * 2 * 10);

    Metrics final;
    for (const auto& [name, value] : lab.final_metrics()) final[name] = value;
    CHECK(final.at("acc_avg") == Approx(lab.run.R.row(4).mean()));
    CHECK(final.at("bwt") ==
          Approx((lab.run.R.row(4).head(4) - lab.run.R.diagonal().head(4).transpose()).mean()));
    CHECK(final.at("forgetting") == Approx(-final.at("bwt")));
    const Json run = run_json(lab, 0);
    REQUIRE(run["acc_matrix"].size() == 5);
    CHECK(run["acc_matrix"][4][4].get<double>() == Approx(final.at("acc_c5")));
}

TEST_CASE("joint trains on every context so far, EWC keeps a Fisher, and a seed gives the same run",
          "[lab]") {
    ContinualLab joint;
    REQUIRE(joint.params.set_all("hidden=16&epochs=1&method=joint").empty());
    joint.reset();
    run_to_end(joint);
    long long expected = 0;  // context t's phase: contexts 1..t
    for (int t = 0; t < 5; ++t) expected += (5 - t) * joint.run.benchmark->contexts[size_t(t)].train.size();
    CHECK(joint.samples_seen() == expected);

    auto ewc_run = [] {
        ContinualLab lab;
        REQUIRE(lab.params.set_all("hidden=16&epochs=1&scenario=task&method=ewc").empty());
        lab.reset();
        run_to_end(lab);
        REQUIRE(lab.error.empty());
        const std::vector<Mat> fisher = lab.run.method->importance();
        REQUIRE(fisher.size() == 4);  // W1, b1, W2, b2
        CHECK(fisher[0].minCoeff() >= 0);
        CHECK(fisher[0].maxCoeff() > 0);
        std::vector<double> accuracies;  // every metric but the seconds
        for (const auto& [name, value] : lab.final_metrics())
            if (name != "epoch_s") accuracies.push_back(value);
        return accuracies;
    };
    CHECK(ewc_run() == ewc_run());
}

TEST_CASE("the network, lambda and c default per benchmark (hidden also for hnet), a value set is kept",
          "[lab]") {
    ContinualLab lab;
    lab.reset();
    CHECK(lab.settings().ewc_lambda == 1e4);
    CHECK(lab.settings().si_c == 1000);
    CHECK(lab.run.net.linears()[0]->out() == 400);
    CHECK(lab.run.net.linears()[2]->out() == 10);
    REQUIRE(lab.params.set_all("benchmark=permuted&scenario=class&contexts=3").empty());
    lab.reset();
    CHECK(lab.run.net.linears()[0]->out() == 100);
    CHECK(lab.run.net.linears()[2]->out() == 30);  // 10 digits x 3 permutations
    CHECK(lab.settings().ewc_lambda == 10);
    CHECK(lab.settings().si_c == 10);
    REQUIRE(lab.params.set_all("method=hnet&benchmark=split&si_c=50").empty());
    CHECK(lab.params.list("hidden") == std::vector<int>{100, 100});  // hnet's target net on either benchmark
    CHECK(lab.params.number("ewc_lambda") == 1e4);
    REQUIRE(lab.params.set("benchmark", "permuted").empty());
    CHECK(lab.params.number("si_c") == 50);
    CHECK(lab.params.number("ewc_lambda") == 10);
    CHECK(lab.params.set("hidden", "0,5").find("clamped to 1") != std::string::npos);  // no 0-unit layer
}

TEST_CASE(
    "joint: at a boundary the union of the contexts seen is built one context per step, the same samples",
    "[lab]") {
    ContinualLab lab;
    REQUIRE(lab.params.set_all("method=joint&epochs=1").empty());
    lab.reset();
    while (lab.run.context < 2) lab.step();  // that step ended context 2 and copied context 1 into 3's set
    const long long samples = lab.samples_seen();
    int steps = 0;
    for (; lab.samples_seen() == samples; ++steps) lab.step();
    CHECK(steps == 3);  // contexts 2 and 3 copied, then context 3's first batch
    std::vector<const Dataset*> seen;
    for (int u = 0; u <= 2; ++u) seen.push_back(&lab.run.benchmark->contexts[size_t(u)].train);
    const Dataset expected = concatenated(seen);
    const Dataset& union_of_three = lab.run.training_set();
    CHECK(union_of_three.x == expected.x);
    CHECK(union_of_three.y == expected.y);
    CHECK(union_of_three.labels == expected.labels);
}

TEST_CASE("EWC: the Fisher at a boundary, four output units per step, is the Fisher added in one go",
          "[lab]") {
    ContinualLab
        lab;  // domain-IL: the 10 units of the shared head are active, 3 steps per chunk of 20 digits
    REQUIRE(lab.params.set_all("benchmark=permuted&scenario=domain&contexts=2&method=ewc&epochs=1").empty());
    lab.reset();
    while (lab.run.contexts_done == 0) lab.step();  // its first step: row 1 of R and the first 4 units
    int boundary_steps = 1;
    for (; lab.run.context == 0; ++boundary_steps) lab.step();
    const Dataset& first = lab.run.benchmark->contexts[0].train;
    CHECK(boundary_steps == (first.size() + 19) / 20 * 3);
    std::vector<int> units;  // each sample's target unit, as ContinualRun::mask_of() finds it
    for (Eigen::Index n = 0, unit = 0; n < first.y.cols(); ++n)
        first.y.col(n).maxCoeff(&unit), units.push_back(int(unit));
    const std::vector<Mat> in_one_go =
        fisher_diagonal(lab.run.net, first.x, lab.run.layout().mask(units, 0), 20);
    const std::vector<Mat> kept = lab.run.method->importance();
    REQUIRE(kept.size() == in_one_go.size());
    for (size_t k = 0; k < kept.size(); ++k) CHECK(kept[k] == in_one_go[k]);
}
