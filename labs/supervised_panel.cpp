#include "labs/supervised_panel.h"
#include <algorithm>
#include <cmath>
#include <map>
#include "ui/widgets/confusion_matrix.h"
#include "ui/widgets/histogram.h"
#include "ui/widgets/image_grid.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/units.h"

namespace pl {

bool ShowIfNotStarted(bool started, const std::string& error) {
    if (started) return false;
    ImGui::TextWrapped("The lab could not start: %s", error.c_str());
    return true;
}

bool ShowIfNotStarted(const SupervisedLab& lab) { return ShowIfNotStarted(lab.started(), lab.error); }

// Two plots side by side: call before the first one (after SameLine the available width has shrunk).
ImVec2 HalfWidth(float height) {
    return ImVec2((ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2, height);
}

void LearningCurves(SupervisedRun& run) {
    LearningCurves(run.trainer.epochs, run.trainer.batches, (*run.data).train.is_classification());
}

void LearningCurves(const MetricLog& epochs, const MetricLog& batches, bool classification) {
    const std::vector<double>* x = &epochs.column("epoch");
    ui::PlotOptions loss_options;
    loss_options.x_label = "epoch";
    loss_options.y_label = classification ? "cross-entropy" : "MSE";
    loss_options.log_y = true;
    const ImVec2 size = HalfWidth(ui::Px(220));
    ui::LinePlot("loss", "Loss per epoch",
                 {{"train", x, &epochs.column("train_loss")}, {"test", x, &epochs.column("test_loss")}}, size,
                 loss_options);
    ImGui::SameLine();
    if (classification) {
        ui::PlotOptions acc_options;
        acc_options.x_label = "epoch";
        acc_options.y_label = "accuracy";
        ui::LinePlot("accuracy", "Accuracy per epoch",
                     {{"train", x, &epochs.column("train_acc")}, {"test", x, &epochs.column("test_acc")}},
                     size, acc_options);
    } else {
        ui::PlotOptions batch_options;
        batch_options.x_label = "batch";
        batch_options.log_y = true;
        ui::LinePlot("batch_loss", "Training loss per batch",
                     {{"batch loss", &batches.column("batch"), &batches.column("batch_loss")}}, size,
                     batch_options);
    }
    std::vector<std::string> shown = {"train_loss", "test_loss"};
    if (classification) shown.insert(shown.end(), {"train_acc", "test_acc"});
    UndefinedNotes(epochs, shown);
}

void UndefinedNotes(const MetricLog& log, const std::vector<std::string>& shown) {
    if (log.rows() == 0) return;
    std::map<std::string, std::string> columns_of;  // reason -> "column, column"
    for (const auto& [column, why] : log.undefined(log.rows() - 1)) {
        if (std::find(shown.begin(), shown.end(), column) == shown.end()) continue;
        std::string& columns = columns_of[why];
        columns += (columns.empty() ? "" : ", ") + column;
    }
    for (const auto& [why, columns] : columns_of)
        ImGui::TextDisabled("%s: no value (%s)", columns.c_str(), why.c_str());
}

void NormHistories(SupervisedRun& run) {
    const MetricLog& batches = run.trainer.batches;
    const std::vector<double>* x = &batches.column("batch");
    std::vector<ui::PlotSeries> weights, grads;
    for (size_t l = 1; l <= run.net.linears().size(); ++l) {
        std::string n = std::to_string(l);
        weights.push_back({"layer " + n, x, &batches.column("w_norm_" + n)});
        grads.push_back({"layer " + n, x, &batches.column("grad_norm_" + n)});
    }
    ui::PlotOptions w_options, g_options;
    w_options.x_label = g_options.x_label = "batch";
    w_options.y_label = "||W||";
    g_options.y_label = "||dL/dW||";
    g_options.log_y = true;
    const ImVec2 size = HalfWidth(ui::Px(200));
    ui::LinePlot("w_norms", "Weight norm per layer", weights, size, w_options);
    ImGui::SameLine();
    ui::LinePlot("g_norms", "Gradient norm per layer", grads, size, g_options);
}

void DigitViews(SupervisedRun& run, SupervisedViews& s) {
    const Dataset& test = (*run.data).test;
    if (ImGui::CollapsingHeader("Receptive fields of the first hidden layer",
                                ImGuiTreeNodeFlags_DefaultOpen)) {
        const Mat& W1 = run.net.linears().front()->W.value;
        s.weights.assign(W1.data(), W1.data() + W1.size());
        const int columns = std::max(4, int(ImGui::GetContentRegionAvail().x * 0.6f / ui::Px(40)));
        ImGui::BeginGroup();
        ImGui::SetNextItemWidth(ui::Px(200));
        ImGui::SliderInt("units shown", &s.fields, 8, 128);
        ui::ImageGrid("fields", run.receptive_fields(s.fields), test.width, test.height, columns, ui::Px(36),
                      ui::ImageColors::Diverging);
        ImGui::EndGroup();
        ImGui::SameLine();
        ui::Histogram("w1_hist", "First-layer weights", s.weights, 60, ImVec2(0, ui::Px(220)));
    }
    if (ImGui::CollapsingHeader("Confusion matrix and mistakes (test set)", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::BeginGroup();
        ui::ConfusionMatrix("confusion", run.confusion, ui::Px(26));
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        std::vector<int> wrong = run.misclassified(24);
        if (wrong.empty()) {
            ImGui::TextDisabled("Misclassified digits appear after the first epoch.");
        } else {
            std::vector<std::string> captions;
            for (int i : wrong)
                captions.push_back(std::to_string(run.test_predictions[size_t(i)]) + " (true " +
                                   std::to_string(test.labels[size_t(i)]) + ")");
            ImGui::Text("Misclassified: predicted (true)");
            int columns = std::max(1, int(ImGui::GetContentRegionAvail().x / (7 * ImGui::GetFontSize())));
            ui::ImageGrid("mistakes", test.x(Eigen::all, wrong), test.width, test.height, columns, ui::Px(56),
                          ui::ImageColors::Grey, captions);
        }
        ImGui::EndGroup();
    }
    if (ImGui::CollapsingHeader("Draw a digit", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::BeginGroup();
        if (s.pad.Draw("pad", ui::Px(196)) || s.pad_probabilities.size() == 0)
            s.pad_probabilities = run.predict(s.pad.image().cast<Real>());
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        if (s.pad.empty()) {
            ImGui::TextDisabled("Draw with the left mouse button; right-click clears.");
        } else {
            s.pad_probabilities =
                run.predict(s.pad.image().cast<Real>());  // the net keeps learning while you look
            ClassProbabilities(s.pad_probabilities);
        }
        ImGui::EndGroup();
    }
}

void ClassProbabilities(const Vec& probabilities) {
    Eigen::Index best = 0;
    probabilities.maxCoeff(&best);
    for (int c = 0; c < int(probabilities.size()); ++c) {
        char label[32];
        std::snprintf(label, sizeof label, "%d  %5.1f%%", c, 100 * probabilities(c));
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram,
                              c == best ? ImVec4(0.3f, 0.8f, 0.4f, 1) : ImVec4(0.3f, 0.5f, 0.8f, 1));
        ImGui::ProgressBar(float(probabilities(c)), ImVec2(ui::Px(220), 0), label);
        ImGui::PopStyleColor();
    }
}

void ToyViews(SupervisedRun& run, SupervisedViews& s) {
    const Dataset& train = (*run.data).train;
    if (train.x.rows() == 1) {  // cubic regression: data points, fit and truth
        run.fit_curve(s.x, s.fit, s.truth);
        s.data_x.assign(train.x.data(), train.x.data() + train.size());
        s.data_y.assign(train.y.data(), train.y.data() + train.size());
        ui::PlotOptions options;
        options.x_label = "x";
        options.y_label = "y";
        ui::PlotSeries points{"training data", &s.data_x, &s.data_y};
        points.points = true;
        ui::PlotSeries true_curve{"truth x^3", &s.x, &s.truth};
        true_curve.dashed = true;
        ui::LinePlot("fit", "Fit of y = x^3 + noise", {points, {"network", &s.x, &s.fit}, true_curve},
                     ImVec2(0, ui::Px(320)), options);
    } else if (train.x.rows() == 2) {
        double lo = 0, hi = 0;
        const int res = 64;
        Mat map = run.decision_map(res, lo, hi);
        ImGui::Text("P(class 1) over the input plane, both axes from %.1f to %.1f", lo, hi);
        ui::ImageGrid("decision", map, res, res, 1, ui::Px(320), ui::ImageColors::Grey);
    }
}

}  // namespace pl
