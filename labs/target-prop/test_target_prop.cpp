// Lab 7 acceptance: DTP and predictive coding learn the MNIST subset with the lab's defaults, and predictive
// coding's update approaches backprop's as inference runs longer.
#include <catch2/catch.hpp>
#include <utility>
#include "labs/target-prop/target_prop_lab.h"
#include "tests/lab_test_helpers.h"

using namespace pl;

TEST_CASE("predictive coding: the update angle to BP falls as the inference steps increase", "[lab]") {
    TargetPropLab lab;
    REQUIRE(lab.params.set_all("rule=pc&hidden=64,64&epochs=1").empty());
    lab.reset();
    run_to_end(lab);
    REQUIRE(lab.error.empty());
    UpdateAngles few = lab.pc_angles(2), many = lab.pc_angles(100);
    WARN("PC update vs BP over all layers: " << few.all << " deg after 2 inference steps, " << many.all
                                             << " deg after 100");
    CHECK(many.all < few.all - 10);
    CHECK(many.all < 30);
    REQUIRE(lab.params.set("pc_rate", "0.002").empty());  // the editor's rate, on the same trained network
    const double slow = lab.pc_angles(100).all;
    WARN("after 100 steps at pc_rate 0.002: " << slow << " deg");
    CHECK(slow > many.all + 10);
}

TEST_CASE("predictive coding's inference is sliced: a batch of 500 inference steps spans several steps",
          "[lab]") {
    TargetPropLab lab;  // a 500-step batch is ~2e9 multiply-adds, ~0.2 s: far over one step's 10 ms slice
    REQUIRE(lab.params.set_all("rule=pc&pc_steps=500&batch=32").empty());
    lab.reset();
    lab.step();
    CHECK(lab.samples_seen() == 0);  // the first batch's inference goes on at the next step
    while (lab.samples_seen() == 0) lab.step();
    CHECK(lab.samples_seen() == 32);
}

TEST_CASE("DTP trains its inverses and its top hidden layer follows BP", "[lab]") {
    TargetPropLab lab;
    REQUIRE(lab.params.set_all("rule=dtp&hidden=64,64&epochs=2").empty());
    lab.reset();
    run_to_end(lab);
    REQUIRE(lab.error.empty());
    const MetricLog& epochs = *lab.logs()[0];
    CHECK(epochs.last("reconstruction_error_l2") < epochs.column("reconstruction_error_l2").front() * 1.5);
    CHECK(epochs.last("angle_to_bp_deg_l2") < 1);   // the top target is a gradient step: parallel to BP
    CHECK(epochs.last("angle_to_bp_deg_l1") < 90);  // the lower layer's target still descends the loss
}

TEST_CASE("Lab 7 defaults on the MNIST subset: DTP >= 88%, PC >= 90% within 10 epochs", "[lab][slow]") {
    const std::pair<const char*, double> rules[] = {
        {"dtp", check_figure("target-prop.dtp_mnist_accuracy")},  // 0.88
        {"pc", 0.90}};
    for (const auto& [rule, at_least] : rules) {
        TargetPropLab lab;
        const MetricLog& epochs = run_defaults_with_rule(lab, rule);
        double acc = epochs.last("test_acc");
        WARN(rule << ": test accuracy " << acc << ", update angles to BP "
                  << epochs.last("angle_to_bp_deg_l1") << " / " << epochs.last("angle_to_bp_deg_l2")
                  << " deg");
        CHECK(acc >= at_least);
    }
}

TEST_CASE("Lab 7 editor: dtp_* only with rule=dtp, pc_steps only with rule=pc, pc_rate always", "[lab]") {
    TargetPropLab lab;
    auto applies = [&](const char* name) { return lab.params.applies(*lab.params.find(name)); };
    REQUIRE(lab.params.set("rule", "dtp").empty());
    CHECK(applies("dtp_noise"));
    CHECK(applies("dtp_top_lr"));
    CHECK_FALSE(applies("pc_steps"));
    CHECK(applies("pc_rate"));  // the panel's PC angle measurement uses it on any rule's network
    REQUIRE(lab.params.set("rule", "pc").empty());
    CHECK_FALSE(applies("dtp_inverse_lr"));
    CHECK(applies("pc_steps"));
    REQUIRE(lab.params.set("rule", "bp").empty());
    CHECK_FALSE(applies("dtp_noise"));
    CHECK_FALSE(applies("pc_steps"));
    CHECK_FALSE(applies("linear"));
    REQUIRE(lab.params.set("task", "student-teacher").empty());
    CHECK(applies("linear"));
}

TEST_CASE("PC at lr=10 with SGD: the loss explodes in epoch 1 and the run stops before its angles are NaN",
          "[lab]") {
    TargetPropLab lab;
    REQUIRE(lab.params.set_all("rule=pc&lr=10&optimizer=sgd&epochs=1").empty());
    lab.reset();
    run_to_end(lab);
    CHECK_THAT(lab.error,
               Catch::StartsWith("training diverged in epoch 1, batch 5: the loss grew from 2.37 to"));
    CHECK(lab.logs()[0]->rows() == 0);
}

TEST_CASE("Lab 7 PC: a run stepped one inference step at a time logs the numbers of one in 10 ms slices",
          "[lab]") {
    struct Run {
        std::string bits;
        long long steps = 0;
    };
    auto run = [](double slice_ms) {  // the training batches' inference and the epoch row's angles sliced
        TargetPropLab lab;
        REQUIRE(lab.params.set_all("rule=pc&hidden=32,32&epochs=1&pc_steps=20").empty());
        lab.reset();
        lab.run.slice_ms = slice_ms;
        Run out;
        for (; !lab.done(); ++out.steps) lab.step();
        REQUIRE(lab.error.empty());
        out.bits = logged_bits(lab);
        return out;
    };
    const Run in_slices = run(kStepSliceMs), one_by_one = run(0);
    CHECK(one_by_one.steps > in_slices.steps);
    CHECK(one_by_one.bits == in_slices.bits);
}

TEST_CASE(
    "Lab 7 DTP: the epoch row's angles take a step per part (forward, DTP's backward, BP's), then the row",
    "[lab]") {
    TargetPropLab lab;
    REQUIRE(lab.params.set_all("rule=dtp&hidden=32,32&epochs=1").empty());
    lab.reset();
    while (!lab.done() && !lab.run.trainer.evaluating()) lab.step();
    int steps = 0;  // the evaluation's chunks (100 samples each), then the angles' parts
    for (; !lab.done(); ++steps) lab.step();
    REQUIRE(lab.error.empty());
    const int evaluation_chunks =
        (lab.run.data->train.size() + 99) / 100 + (lab.run.data->test.size() + 99) / 100;
    CHECK(steps == evaluation_chunks + 4);
}

TEST_CASE("Lab 7: the panel's digit prediction between steps leaves the run's numbers alone", "[lab]") {
    for (const char* rule : {"dtp", "pc", "bp"}) {
        auto run = [&](bool predict_between_steps) {  // the panel predicts the pad's digit every frame
            TargetPropLab lab;
            REQUIRE(lab.params.set_all(std::string("rule=") + rule + "&hidden=32,32&epochs=1&pc_steps=20")
                        .empty());
            lab.reset();
            lab.run.slice_ms = 0;  // every part in a step of its own
            const Vec digit = lab.run.data->test.x.col(0);
            while (!lab.done()) {
                lab.step();
                if (predict_between_steps) lab.run.predict(digit);
            }
            REQUIRE(lab.error.empty());
            return logged_bits(lab);
        };
        INFO("rule=" << rule);
        CHECK(run(true) == run(false));
    }
}
