#include "labs/bayes-by-backprop/bayes_classifier_panel.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include "labs/supervised_panel.h"
#include "ui/widgets/image_grid.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

constexpr int kBins = 30;         // entropy bins over [0, log 10]
constexpr int kImagesShown = 10;  // images of each set, evenly spaced: one per class of the sorted sets
const char* const kSetNames[] = {"test digits", "Fashion-MNIST", "noise images"};
const char* const kColumns[] = {"test", "fashion", "noise"};

struct ClassifierViews {                            // what the panel keeps between frames
    std::vector<double> outline_x;                  // the bin edges, each twice: a histogram's outline
    std::vector<std::vector<double>> outline_y{3};  // per set: the fraction of its images in each bin, twice
    EvalSet hovered_set = EvalSet::TestDigits;
    int hovered = 0;  // the image whose predictive is shown, an index into the set
};

void Summary(const BayesByBackpropLab& lab) {
    const MetricLog& epochs = lab.classifier.trainer.epochs;
    if (!lab.error.empty()) ImGui::TextColored(ImVec4(1, 0.4f, 0.4f, 1), "%s", lab.error.c_str());
    if (epochs.rows() == 0) {
        ImGui::Text("epoch 1: training, %.0f%% of the run done; the first evaluation follows the epoch",
                    100 * lab.progress());
        return;
    }
    ImGui::Text(
        "epoch %.0f   test accuracy %.1f%%   AUROC of the entropy, test digits vs Fashion-MNIST %.3f, "
        "vs noise %.3f",
        epochs.last("epoch"), 100 * epochs.last("test_acc"), epochs.last("auroc_fashion"),
        epochs.last("auroc_noise"));
    ImGui::Text(
        "mean predictive entropy (nats, at most log 10 = 2.30): test digits %.2f, Fashion-MNIST %.2f, "
        "noise %.2f",
        epochs.last("entropy_test"), epochs.last("entropy_fashion"), epochs.last("entropy_noise"));
}

// Three histograms on one axis [0, log 10], drawn as outlines so that they can overlap.
void EntropyHistograms(const MetricLog& entropy, ClassifierViews& s) {
    const double top = std::log(10.0);
    s.outline_x.clear();
    for (int b = 0; b < kBins; ++b)
        s.outline_x.insert(s.outline_x.end(), {top * b / kBins, top * (b + 1) / kBins});
    std::vector<ui::PlotSeries> series;
    for (int set = 0; set < 3; ++set) {
        std::vector<double>& y = s.outline_y[size_t(set)];
        y.assign(2 * kBins, 0);
        const std::vector<double>& values = entropy.column(kColumns[set]);
        for (double h : values) {
            const int b = std::clamp(int(h / top * kBins), 0, kBins - 1);
            y[size_t(2 * b)] += 1.0 / double(values.size());
        }
        for (int b = 0; b < kBins; ++b) y[size_t(2 * b + 1)] = y[size_t(2 * b)];
        series.push_back({kSetNames[set], &s.outline_x, &y, ui::PaletteColor(set)});
    }
    ui::PlotOptions options;
    options.x_label = "predictive entropy H = -sum_c p_c log p_c (nats)";
    options.y_label = "fraction of the set";
    ui::LinePlot("entropy", "Predictive entropy of the 2,000 images of each set", series,
                 ImVec2(0, ui::Px(260)), options);
}

// The predictive of the image under the mouse, beside a few images of each set captioned with the predicted
// class and the entropy.
void Images(BayesByBackpropLab& lab, ClassifierViews& s) {
    const BayesClassifier& classifier = lab.classifier;
    const bool evaluated = classifier.entropy.rows() > 0;
    ImGui::BeginGroup();
    if (evaluated) {
        ImGui::Text("%s, image %d", kSetNames[int(s.hovered_set)], s.hovered + 1);
        ClassProbabilities(classifier.probabilities(s.hovered_set, s.hovered));
        ImGui::TextDisabled("(hover an image)");
    } else {
        ImGui::TextDisabled("Predictions and entropies\nappear after the first epoch.");
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    for (int set = 0; set < 3; ++set) {
        const Mat& images = classifier.images(EvalSet(set));
        std::vector<int> shown;
        for (int i = 0; i < kImagesShown; ++i) shown.push_back(i * int(images.cols()) / kImagesShown);
        std::vector<std::string> captions;
        for (int i = 0; i < kImagesShown && evaluated; ++i) {
            const int image = shown[size_t(i)];
            Eigen::Index predicted = 0;
            classifier.probabilities(EvalSet(set), image).maxCoeff(&predicted);
            char caption[32];
            std::snprintf(caption, sizeof caption, "%d  %.2f", int(predicted),
                          classifier.entropy.column(kColumns[set])[size_t(image)]);
            captions.push_back(caption);
        }
        ImGui::Text("%s%s", kSetNames[set],
                    set == 0 ? "  (under each: the predicted class and the entropy)" : "");
        const int hovered = ui::ImageGrid(kColumns[set], images(Eigen::all, shown), 28, 28, kImagesShown,
                                          ui::Px(40), ui::ImageColors::Grey, captions);
        if (hovered >= 0) s.hovered_set = EvalSet(set), s.hovered = shown[size_t(hovered)];
    }
    ImGui::EndGroup();
}

}  // namespace

void draw_bayes_classifier_panel(BayesByBackpropLab& lab) {
    static ClassifierViews views;
    if (ShowIfNotStarted(lab.started(), lab.error)) return;
    Summary(lab);
    LearningCurves(lab.classifier.trainer.epochs, lab.classifier.trainer.batches, true);
    EntropyHistograms(lab.classifier.entropy, views);
    if (ImGui::CollapsingHeader("Images and their predictive entropy", ImGuiTreeNodeFlags_DefaultOpen))
        Images(lab, views);
}

}  // namespace pl
