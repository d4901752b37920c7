// Lab 2 acceptance: FA's updates come to align with backprop's (Lillicrap et al. 2016), Kolen-Pollack's B
// converges to W^T, and the rules learn the MNIST subset with the lab's defaults.
#include <catch2/catch.hpp>
#include <utility>
#include "engine/update_angles.h"
#include "labs/feedback-alignment/feedback_alignment_lab.h"
#include "tests/lab_test_helpers.h"

using namespace pl;

namespace {

double mean_of_last(const std::vector<double>& v, size_t n) {
    double sum = 0;
    for (size_t i = v.size() - n; i < v.size(); ++i) sum += v[i];
    return sum / double(n);
}

}  // namespace

TEST_CASE("FA on the linear student-teacher task: the update aligns with BP's gradient", "[lab]") {
    FeedbackAlignmentLab lab;
    REQUIRE(
        lab.params
            .set_all("rule=fa&task=student-teacher&linear=true&hidden=50&optimizer=sgd&lr=0.02&lr_decay=1&"
                     "init_scale=0.01&epochs=30")
            .empty());
    lab.reset();
    REQUIRE(lab.error.empty());
    // Before any training B is unrelated to W2: the FA update of W1 is nearly orthogonal to BP's gradient.
    const Dataset& train = lab.run.data->train;
    double at_start = update_angles_to_bp(lab.run.net, *lab.run.loss, *lab.run.rule, train.x.leftCols(256),
                                          train.y.leftCols(256))
                          .hidden[0];
    run_to_end(lab);
    REQUIRE(lab.error.empty());
    const MetricLog& epochs = *lab.logs()[0];
    double at_end = mean_of_last(epochs.column("angle_to_bp_deg_l1"), 5);
    WARN("FA update vs BP gradient, hidden layer 1: " << at_start << " deg untrained, " << at_end
                                                      << " deg (mean of the last 5 epochs)");
    CHECK(at_start > 75);
    CHECK(at_start < 105);
    CHECK(at_end < 60);
    CHECK(epochs.last("angle_B_pinvW_deg_l1") <
          epochs.column("angle_B_pinvW_deg_l1").front());  // W2 -> pinv(B)
    CHECK(epochs.last("test_loss") < 0.1 * epochs.column("test_loss").front());
}

TEST_CASE("BP on the same task follows its own gradient: angle 0", "[lab]") {
    FeedbackAlignmentLab lab;
    REQUIRE(lab.params.set_all("rule=bp&task=student-teacher&linear=true&hidden=50&epochs=2").empty());
    lab.reset();
    run_to_end(lab);
    CHECK(lab.logs()[0]->last("angle_to_bp_deg_l1") < 1e-3);
    CHECK(lab.logs()[0]->last("angle_B_WT_deg_l1") < 1e-3);
}

TEST_CASE("Lab 2 defaults on the MNIST subset: BP >= 93%, FA and DFA >= 90% within 10 epochs",
          "[lab][slow]") {
    const std::pair<const char*, double> rules[] = {
        {"bp", 0.93},
        {"fa", check_figure("feedback-alignment.fa_mnist_accuracy")},     // 0.90
        {"dfa", check_figure("feedback-alignment.dfa_mnist_accuracy")}};  // 0.90
    for (const auto& [rule, at_least] : rules) {
        FeedbackAlignmentLab lab;
        const MetricLog& epochs = run_defaults_with_rule(lab, rule);
        double acc = epochs.last("test_acc");
        WARN(rule << ": test accuracy " << acc << ", update angle to BP " << epochs.last("angle_to_bp_deg_l1")
                  << " deg");
        CHECK(acc >= at_least);
    }
}

TEST_CASE("Lab 2 defaults: Kolen-Pollack's B converges to W^T and its update to BP's, unlike FA's",
          "[lab][slow]") {
    FeedbackAlignmentLab lab;
    const MetricLog& epochs = run_defaults_with_rule(lab, "kolen-pollack");
    WARN("kolen-pollack: test accuracy " << epochs.last("test_acc") << ", angle(B, W^T) "
                                         << epochs.last("angle_B_WT_deg_l1") << " deg, update angle to BP "
                                         << epochs.last("angle_to_bp_deg_l1") << " deg");
    CHECK(epochs.last("test_acc") >= 0.90);
    CHECK(epochs.last("angle_B_WT_deg_l1") < 20);   // FA: ~58 deg after 10 epochs
    CHECK(epochs.last("angle_to_bp_deg_l1") < 20);  // FA: ~50 deg
}

TEST_CASE(
    "Lab 2 editor: feedback_scale only for random feedback, linear only on student-teacher, and "
    "activation not on a linear student",
    "[lab]") {
    FeedbackAlignmentLab lab;
    const ParamSpec& scale = *lab.params.find("feedback_scale");
    const ParamSpec& linear = *lab.params.find("linear");
    for (const char* rule : {"fa", "dfa", "kolen-pollack"}) {
        REQUIRE(lab.params.set("rule", rule).empty());
        CHECK(lab.params.applies(scale));
    }
    for (const char* rule : {"bp", "sign"}) {
        REQUIRE(lab.params.set("rule", rule).empty());
        CHECK_FALSE(lab.params.applies(scale));
    }
    const ParamSpec& activation = *lab.params.find("activation");
    CHECK_FALSE(lab.params.applies(linear));  // task=mnist
    REQUIRE(lab.params.set("linear", "true").empty());
    CHECK(lab.params.applies(activation));  // linear does not apply on mnist: the net stays nonlinear
    REQUIRE(lab.params.set("task", "student-teacher").empty());
    CHECK(lab.params.applies(linear));
    CHECK_FALSE(lab.params.applies(activation));  // a linear student has no nonlinearity
}

TEST_CASE("FA and DFA at lr=10: the loss explodes in epoch 1 and the run stops with what to change",
          "[lab]") {
    for (const char* rule : {"fa", "dfa"}) {
        FeedbackAlignmentLab lab;
        REQUIRE(lab.params.set_all(std::string("rule=") + rule + "&hidden=64,64&lr=10&epochs=1").empty());
        lab.reset();
        run_to_end(lab);
        INFO(rule);
        CHECK_THAT(lab.error, Catch::StartsWith("training diverged in epoch 1, batch 2: the loss grew from"));
        CHECK_THAT(lab.error,
                   Catch::EndsWith("; lower the learning rate (lr, now 10) or init_scale (now 1)"));
    }
}

TEST_CASE("Lab 2's epoch row: the update angles, measured one part per step, are those measured in one go",
          "[lab]") {
    FeedbackAlignmentLab lab;  // one epoch: the row's angles were measured on the final net
    REQUIRE(lab.params.set_all("rule=fa&hidden=64&epochs=1").empty());
    lab.reset();
    run_to_end(lab);
    REQUIRE(lab.error.empty());
    const UpdateAngles in_one_go =
        update_angles_to_bp(lab.run.net, *lab.run.loss, *lab.run.rule, lab.probe_x(), lab.probe_y());
    const MetricLog& epochs = *lab.logs()[0];
    REQUIRE(epochs.rows() == 1);
    CHECK(epochs.last("angle_to_bp_deg_l1") == in_one_go.hidden[0]);
    CHECK(epochs.last("angle_to_bp_deg_all") == in_one_go.all);
}
