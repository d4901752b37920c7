#include "labs/regularization/regularization_panel.h"
#include <imgui.h>
#include <algorithm>
#include "labs/supervised_panel.h"
#include "labs/view_cache.h"
#include "ui/widgets/histogram.h"
#include "ui/widgets/image_grid.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

constexpr int kDigitsShown = 6, kVariants = 7;  // augmentation grid: each digit and 7 augmented copies

struct PanelState {
    Mat augmented;
    uint64_t draw = 1;
    int generation = -1;  // of the params the grid was drawn with (it does not depend on training)
    std::vector<std::vector<double>> weights;
    std::vector<double> best_x, best_y;                   // the best epoch's test accuracy, one marker
    CachedView<std::vector<double>> statistics_accuracy;  // running averages, batches of 100, 10 and 1
};

void RunSummary(const RegularizationLab& lab) {
    ImGui::TextWrapped("%d training digits, 2,000 test digits, 1,000 validation digits. Regularizers: %s.",
                       lab.run.data->train.size(), lab.regularizers().summary().c_str());
    if (lab.params.text("preset") != "custom")
        ImGui::TextDisabled("preset=%s set the switches; preset=custom brings back your own values.",
                            lab.params.text("preset").c_str());
    if (lab.epochs_logged() == 0) return;
    if (!ImGui::BeginTable("summary", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
    for (const char* h : {"train acc", "test acc", "gap", "epochs run", "best epoch (valid loss)"})
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    for (const auto& [name, value] : lab.final_metrics()) {
        if (name == "train_loss") break;  // the first five metrics are the table's columns
        ImGui::TableNextColumn();
        if (name == "best_epoch" || name == "epoch_stopped")
            ImGui::Text("%d", int(value));
        else
            ImGui::Text("%.2f%%", 100 * value);
    }
    ImGui::EndTable();
}

void GapCurves(const RegularizationLab& lab, PanelState& s) {
    const MetricLog& epochs = lab.run.trainer.epochs;
    const std::vector<double>* x = &epochs.column("epoch");
    const ImVec2 size = HalfWidth(ui::Px(240));
    ui::PlotOptions loss_options;
    loss_options.x_label = "epoch";
    loss_options.y_label = "cross-entropy";
    loss_options.log_y = true;
    ui::LinePlot("loss", "Loss per epoch",
                 {{"train", x, &epochs.column("train_loss")},
                  {"test", x, &epochs.column("test_loss")},
                  {"validation", x, &epochs.column("valid_loss")}},
                 size, loss_options);
    ImGui::SameLine();
    ui::PlotOptions acc_options;
    acc_options.x_label = "epoch";
    acc_options.y_label = "accuracy";
    acc_options.shade_between[0] = 0;  // the generalization gap: between train and test accuracy
    acc_options.shade_between[1] = 1;
    std::vector<ui::PlotSeries> accuracy = {{"train", x, &epochs.column("train_acc")},
                                            {"test", x, &epochs.column("test_acc")},
                                            {"validation", x, &epochs.column("valid_acc")}};
    if (lab.best_epoch() > 0) {
        s.best_x = {double(lab.best_epoch())};
        s.best_y = {epochs.column("test_acc")[size_t(lab.best_epoch() - 1)]};
        ui::PlotSeries best{"best epoch (valid loss)", &s.best_x, &s.best_y};
        best.points = true;
        accuracy.push_back(best);
    }
    ui::LinePlot("accuracy", "Accuracy per epoch, generalization gap shaded", accuracy, size, acc_options);
}

void WeightHistograms(RegularizationLab& lab, PanelState& s) {
    if (!ImGui::CollapsingHeader("Weight histograms", ImGuiTreeNodeFlags_DefaultOpen)) return;
    std::vector<Linear*> layers = lab.run.net.linears();
    s.weights.resize(layers.size());
    const float width =
        (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * float(layers.size() - 1)) /
        float(layers.size());
    for (size_t l = 0; l < layers.size(); ++l) {
        const Mat& W = layers[l]->W.value;
        s.weights[l].assign(W.data(), W.data() + W.size());
        const std::string id = "w_hist_" + std::to_string(l + 1);
        const std::string title = "W" + std::to_string(l + 1) + " (" + std::to_string(W.rows()) + " x " +
                                  std::to_string(W.cols()) + ")";
        if (l > 0) ImGui::SameLine();
        ui::Histogram(id.c_str(), title.c_str(), s.weights[l], 60, ImVec2(width, ui::Px(200)));
    }
}

void FirstLayerFeatures(RegularizationLab& lab) {
    if (!ImGui::CollapsingHeader("First-layer features", ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::TextDisabled("The incoming weights of the first 48 hidden units, as 28 x 28 images.");
    const int columns = std::max(4, int(ImGui::GetContentRegionAvail().x / ui::Px(40)));
    ui::ImageGrid("features", lab.run.receptive_fields(48), 28, 28, columns, ui::Px(36),
                  ui::ImageColors::Diverging);
}

void BatchNormStatistics(RegularizationLab& lab, PanelState& s) {
    if (!lab.regularizers().batch_norm) return;
    if (!ImGui::CollapsingHeader("Batch norm: training vs inference statistics",
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    ImGui::TextWrapped(
        "At inference batch norm normalizes with its running averages. Normalizing 500 test digits by the "
        "statistics of their own batch instead, as in training:");
    if (ImGui::Button("Evaluate now")) {
        std::vector<double> accuracy;
        for (int batch : {0, 100, 10, 1}) accuracy.push_back(lab.test_accuracy(500, batch));
        s.statistics_accuracy.set(lab, accuracy);
    }
    const std::vector<double>* accuracy = s.statistics_accuracy.get(lab);
    if (!accuracy) {  // never evaluated, or the weights or parameters have changed since
        ImGui::TextDisabled("No evaluation of the current network yet.");
        return;
    }
    const char* labels[] = {"running averages (inference)", "batches of 100", "batches of 10",
                            "one digit at a time"};
    for (size_t i = 0; i < accuracy->size(); ++i)
        ImGui::BulletText("%s: %.1f%%", labels[i], 100 * (*accuracy)[i]);
}

void AugmentedSamples(RegularizationLab& lab, PanelState& s) {
    if (!ImGui::CollapsingHeader("Augmented samples", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!lab.regularizers().augment) ImGui::TextDisabled("Augmentation is off; this is what it would do.");
    if (ImGui::Button("New draw")) ++s.draw, s.generation = -1;
    ImGui::SameLine();
    ImGui::TextDisabled("Each row: a training digit, then %d random augmentations of it.", kVariants);
    if (s.generation != lab.params.generation()) {
        s.augmented = lab.augmented_samples(kDigitsShown, kVariants, s.draw);
        s.generation = lab.params.generation();
    }
    ui::ImageGrid("augmented", s.augmented, 28, 28, kVariants + 1, ui::Px(56), ui::ImageColors::Grey);
}

}  // namespace

void draw_regularization_panel(RegularizationLab& lab) {
    static PanelState state;
    if (ShowIfNotStarted(lab)) return;
    RunSummary(lab);
    GapCurves(lab, state);
    NormHistories(lab.run);
    WeightHistograms(lab, state);
    FirstLayerFeatures(lab);
    BatchNormStatistics(lab, state);
    AugmentedSamples(lab, state);
    ImGui::Separator();
    ImGui::TextWrapped(
        "Results table: run a comparison (sidebar, e.g. preset = none,recommended or dropout = 0,0.3,0.5); "
        "its tab lists one row per configuration with the final train and test accuracy, the gap and the "
        "epoch the run stopped.");
}

}  // namespace pl
