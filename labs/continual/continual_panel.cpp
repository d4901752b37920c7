#include "labs/continual/continual_panel.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <string>
#include "engine/continual_metrics.h"
#include "labs/supervised_panel.h"
#include "labs/view_cache.h"
#include "ui/widgets/heat_map.h"
#include "ui/widgets/histogram.h"
#include "ui/widgets/image_grid.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

constexpr double kRefreshSeconds = 0.5;  // what the method stores is copied at most this often while training
constexpr int kImagesShown = 60;

struct Stored {                          // a copy of what the method keeps, for drawing
    std::vector<double> log_importance;  // log10 of every positive importance value, all params
    Mat pixel_importance;                // 784 x 1: the first layer's importance summed over its units
    Mat images;                          // 784 x n (at most kImagesShown), evenly spaced over what it keeps
    bool signed_images = false;          // weights (blue-white-red) rather than pixels (grey)
};

struct PanelState {
    std::vector<std::vector<double>>
        context_acc;  // per context: its accuracy from its first epoch on, NaN before
    Stored stored;
    ThrottledView stored_view;  // when `stored` is copied again
};

Stored copy_stored(const ContinualMethod& method) {
    Stored s;
    const std::vector<Mat> importance = method.importance();
    for (const Mat& m : importance)
        for (double v : m.reshaped())
            if (v > 0) s.log_importance.push_back(std::log10(v));
    if (!importance.empty() && importance[0].cols() == 784) {
        s.pixel_importance = importance[0].colwise().sum().transpose();  // sum over the first layer's units
        const double top = s.pixel_importance.maxCoeff();
        if (top > 0) s.pixel_importance /= top;
    }
    const Mat images = method.stored_images();
    const int shown = std::min(int(images.cols()), kImagesShown);
    s.images.resize(images.rows(), shown);
    for (int k = 0; k < shown; ++k) s.images.col(k) = images.col(Eigen::Index(k) * images.cols() / shown);
    s.signed_images = images.size() > 0 && images.minCoeff() < 0;
    return s;
}

void RunSummary(const ContinualLab& lab) {
    const ContinualSettings& s = lab.settings();
    ImGui::TextWrapped("%s MNIST, %s-incremental, method %s: context %d of %d, epochs per context: %d.",
                       s.benchmark.c_str(), s.scenario.c_str(), s.method.c_str(), lab.run.context + 1,
                       lab.run.contexts(), s.epochs);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", method_table().find(s.method).help.c_str());
    ImGui::PopStyleColor();
}

// Every context's test accuracy against the epochs of the whole run, one line per context from its own first
// epoch on, the boundaries marked; dashed: the average over the contexts seen so far.
void ForgettingPlot(const ContinualLab& lab, PanelState& state) {
    const MetricLog& epochs = lab.run.trainer.epochs;
    const int T = lab.run.contexts(), E = lab.settings().epochs;
    const std::vector<double>& x = epochs.column("epoch");
    state.context_acc.resize(size_t(T));
    std::vector<ui::PlotSeries> series;
    ui::PlotOptions options;
    for (int t = 0; t < T; ++t) {
        const std::vector<double>& acc = epochs.column("acc_c" + std::to_string(t + 1));
        std::vector<double>& shown = state.context_acc[size_t(t)];
        shown.assign(acc.size(), std::nan(""));
        for (size_t i = 0; i < acc.size(); ++i)
            if (x[i] > t * E) shown[i] = acc[i];
        series.push_back({"context " + std::to_string(t + 1), &x, &shown, ui::PaletteColor(t)});
        options.x_marks.push_back({double(t * E), "context " + std::to_string(t + 1), ui::PaletteColor(t)});
    }
    ui::PlotSeries average{"average over the contexts seen", &x, &epochs.column("acc_avg"),
                           ImGui::GetColorU32(ImGuiCol_Text)};
    average.dashed = true;
    series.push_back(average);
    options.x_label = "epoch (over all contexts)";
    options.y_label = "test accuracy";
    options.fix_x = true, options.x_min = 0, options.x_max = T * E;
    options.fix_y = true, options.y_min = 0, options.y_max = 1.12;  // room for the boundary labels
    options.legend = false;  // the boundary labels name the lines by colour
    ui::LinePlot("forgetting", "Each context's test accuracy (dashed: their average so far)", series,
                 ImVec2(-1, ui::Px(320)), options);
}

// One of ACC, BWT, forgetting in percent (signed: BWT), its definition as the tooltip.
void MetricLine(const char* name, double value, bool sign, const char* definition) {
    if (std::isfinite(value))
        ImGui::Text(sign ? "%-11s %+6.1f%%" : "%-11s %6.1f%%", name, 100 * value);
    else
        ImGui::Text("%-11s  -", name);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", definition);
}

// R as a heat map of percentages (rows filled so far), and beside it ACC, BWT and forgetting.
void AccuracyMatrix(const ContinualLab& lab) {
    const int T = lab.run.contexts(), done = lab.run.contexts_done;
    Mat R = Mat::Constant(T, T, std::nan(""));
    R.topRows(done) = lab.run.R.topRows(done);
    ui::HeatMapOptions options;
    options.row_title = "after training";
    options.col_title = "accuracy on context";
    options.scale = 100, options.format = "%.0f";
    options.cell = ui::Px(40);
    ImGui::BeginGroup();
    ImGui::Text("Accuracy matrix R[i][j] (%%)");
    ui::HeatMap("accuracy_matrix", R.cast<double>(), options);
    ImGui::EndGroup();
    if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x > ui::Px(330))
        ImGui::SameLine(0, ui::Px(30));  // beside the matrix when there is room, else below it
    ImGui::BeginGroup();
    const Mat Rdone = lab.run.R.topLeftCorner(done, done);
    ImGui::Text("After context %d of %d (hover for the definitions):", done, T);
    MetricLine("ACC", done > 0 ? average_accuracy(Rdone) : std::nan(""), false,
               "average accuracy: ACC = (1/T) sum_j R[T][j], over the contexts trained so far");
    MetricLine("BWT", done > 1 ? backward_transfer(Rdone) : std::nan(""), true,
               "backward transfer: BWT = 1/(T-1) sum_{j<T} (R[T][j] - R[j][j]); negative: forgotten");
    MetricLine(
        "forgetting", done > 1 ? forgetting(Rdone) : std::nan(""), false,
        "forgetting = 1/(T-1) sum_{j<T} (R[j][j] - R[T][j]) = -BWT: how much each earlier context lost");
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped(
        "Row i: right after context i. The diagonal is what was just learnt, left of it what "
        "is left of the earlier contexts.");
    ImGui::PopStyleColor();
    ImGui::EndGroup();
}

void MethodStores(const ContinualLab& lab, PanelState& state) {
    const ContinualSettings& s = lab.settings();
    const std::string header = "What " + s.method + " stores";
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (state.stored_view.due(lab, ImGui::GetTime(), ImGui::GetFrameCount(), kRefreshSeconds))
        state.stored = copy_stored(*lab.run.method);
    const Stored& stored = state.stored;
    if (stored.log_importance.empty() && stored.images.cols() == 0) {
        ImGui::TextDisabled("Nothing yet: %s keeps no importance or images (or has not finished a context).",
                            s.method.c_str());
        return;
    }
    if (!stored.log_importance.empty()) {
        const float map_side = ui::Px(196);
        const float beside = ImGui::GetContentRegionAvail().x - map_side - ImGui::GetStyle().ItemSpacing.x;
        const bool side_by_side = beside >= ui::Px(320);  // else the map goes below the histogram
        ui::Histogram("importance", "Importance of each parameter (log10)", stored.log_importance, 60,
                      ImVec2(side_by_side ? beside : -1, map_side + ImGui::GetTextLineHeightWithSpacing()));
        if (stored.pixel_importance.size() > 0) {
            if (side_by_side) ImGui::SameLine();
            ImGui::BeginGroup();
            ImGui::Text("Per input pixel");
            ui::ImageGrid("pixel_importance", stored.pixel_importance, 28, 28, 1, map_side,
                          ui::ImageColors::Grey);
            ImGui::EndGroup();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(
                    "The importance of each input pixel's weights, summed over the first layer's "
                    "units (white: most important)");
        }
    }
    if (stored.images.cols() > 0) {
        ImGui::Text("%s (%d shown)",
                    stored.signed_images ? "Generated first-layer fields" : "Stored or generated digits",
                    int(stored.images.cols()));
        const int columns = std::max(4, int(ImGui::GetContentRegionAvail().x / ui::Px(44)));
        ui::ImageGrid("stored_images", stored.images, 28, 28, columns, ui::Px(40),
                      stored.signed_images ? ui::ImageColors::Diverging : ui::ImageColors::Grey);
    }
}

}  // namespace

void draw_continual_panel(ContinualLab& lab) {
    static PanelState state;
    if (ShowIfNotStarted(lab.run.benchmark != nullptr, lab.error)) return;
    RunSummary(lab);
    ForgettingPlot(lab, state);
    AccuracyMatrix(lab);
    MethodStores(lab, state);
    ImGui::Separator();
    ImGui::TextWrapped(
        "Results table: compare runs over method (sidebar, e.g. method = finetune,ewc,si,replay,joint); its "
        "tab lists one row per method with the final average accuracy acc_avg, bwt and forgetting.");
}

}  // namespace pl
