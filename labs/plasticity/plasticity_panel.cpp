// The plasticity panel: the rule's views from a table, and the rate rules' (Hebb and Oja on the cloud or
// the digits, BCM, Sanger).
#include "labs/plasticity/plasticity_panel.h"
#include <algorithm>
#include <cmath>
#include <string>
#include "engine/table.h"
#include "labs/plasticity/plasticity_views.h"
#include "labs/supervised_panel.h"
#include "ui/widgets/bar_chart.h"
#include "ui/widgets/decimate.h"
#include "ui/widgets/image_grid.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

constexpr double kRefreshSeconds = 0.1;      // images and the cloud's path are copied at most this often
constexpr size_t kPathPoints = 4000;         // the path drawn over the cloud: at most this many points
constexpr Eigen::Index kCloudPoints = 4000;  // the cloud's samples drawn: at most this many
constexpr int kDigitSide = 28;

void axis_views(PlasticityLab& lab) {
    if (lab.rate->on_digits())
        rate_digit_views(lab);
    else
        rate_cloud_views(lab);
}

using Views = void (*)(PlasticityLab&);
const Table<Views>& view_table() {
    static const Table<Views> table("plasticity view",
                                    {
                                        {"hebb", "w over the cloud, or as an image", axis_views},
                                        {"oja", "w over the cloud, or as an image", axis_views},
                                        {"bcm", "theta, selectivity, the responses", bcm_views},
                                        {"sanger", "the components as images", sanger_views},
                                        {"stdp-pair", "the window and Sjostrom's bars", stdp_views},
                                        {"stdp-triplet", "the window and Sjostrom's bars", stdp_views},
                                        {"song-abbott", "the weight histograms", song_abbott_views},
                                        {"diehl-cook", "the live fields, rasters, labels", diehl_cook_views},
                                    });
    return table;
}

// The cloud, its principal axes (+-sqrt(eigenvalue) v), w's path and w now; |w| and the angle along the path.
struct CloudView {
    ThrottledView throttle;
    std::vector<double> cloud_x, cloud_y, path_x, path_y, w_x, w_y, pc1_x, pc1_y, pc2_x, pc2_y;
    std::vector<double> passes, norm, angle;  // per point of the path
    std::vector<double> shown_passes, shown_norm, angle_passes, shown_angle;
    double extent = 1;
};

void copy_cloud(const RateRun& run, CloudView& v) {
    const Mat& X = run.X;
    v.cloud_x.clear(), v.cloud_y.clear();
    for (Eigen::Index i = 0; i < X.cols(); i += std::max<Eigen::Index>(1, X.cols() / kCloudPoints))
        v.cloud_x.push_back(X(0, i)), v.cloud_y.push_back(X(1, i));
    v.extent = 1.1 * std::max(1.0, double(X.cwiseAbs().maxCoeff()));
    std::vector<double>* axes[2][2] = {{&v.pc1_x, &v.pc1_y}, {&v.pc2_x, &v.pc2_y}};
    for (int j = 0; j < 2; ++j) {
        const Vec half = run.pcs->vectors.col(j) * std::sqrt(run.pcs->values(j));  // +-sqrt(lambda) v
        *axes[j][0] = {-half(0), half(0)};
        *axes[j][1] = {-half(1), half(1)};
    }
    const Vec pc1 = run.pcs->vectors.col(0);
    const double passes_per_point = double(run.path_stride) * run.settings().batch / double(X.cols());
    const size_t stride = std::max<size_t>(1, run.path.size() / kPathPoints);
    v.path_x.clear(), v.path_y.clear(), v.passes.clear(), v.norm.clear(), v.angle.clear();
    for (size_t k = 0; k < run.path.size(); ++k) {
        const Eigen::Vector2d& w = run.path[k];
        if (k % stride == 0) v.path_x.push_back(w(0)), v.path_y.push_back(w(1));
        v.passes.push_back(double(k) * passes_per_point);
        v.norm.push_back(w.norm());
        v.angle.push_back(axis_angle_deg(w.cast<Real>(), pc1));
    }
    v.w_x = {0, run.state.W(0, 0)};
    v.w_y = {0, run.state.W(0, 1)};
}

// w as a 28 x 28 image next to the true PC1 (its sign matched to w's); Sanger's k components above theirs.
struct ImagesView {
    ThrottledView throttle;
    Eigen::MatrixXf images;
    std::vector<std::string> captions;
};

// The learned rows of W (sign-matched to the true components) then the true components: 784 x 2k.
Eigen::MatrixXf learned_and_true(const RateRun& run) {
    const int k = int(run.state.W.rows());
    Eigen::MatrixXf images(run.X.rows(), 2 * k);
    for (int i = 0; i < k; ++i) {
        const Vec truth = run.pcs->vectors.col(i);
        const Vec w = run.state.W.row(i).transpose();
        images.col(i) = w.dot(truth) < 0 ? Vec(-w) : w;
        images.col(k + i) = truth;
    }
    return images;
}

// A matrix's rows as bar series over its columns 1, 2, 3, ... (the values kept here, for the chart).
struct BarRows {
    std::vector<double> positions;
    std::vector<std::vector<double>> rows;
};
std::vector<ui::BarSeries> bars_of(const Mat& M, BarRows& store) {
    store.positions.resize(size_t(M.cols()));
    for (size_t c = 0; c < store.positions.size(); ++c) store.positions[c] = double(c + 1);
    store.rows.resize(size_t(M.rows()));
    std::vector<ui::BarSeries> bars;
    for (Eigen::Index i = 0; i < M.rows(); ++i) {
        store.rows[size_t(i)].assign(M.row(i).begin(), M.row(i).end());
        bars.push_back({"output " + std::to_string(i + 1), &store.rows[size_t(i)]});
    }
    return bars;
}

// |w| on a log axis where it explodes: Hebb's growth is exponential, and a diverged run's too.
bool log_norm(const PlasticityLab& lab) { return lab.settings().rule == "hebb" || !lab.error.empty(); }

// A tile's side for `columns` images across the panel, between 36 and `most` design pixels.
float tile_for(int columns, float most) {
    const float width = ImGui::GetContentRegionAvail().x / float(columns) - 8;
    return std::clamp(width, ui::Px(36), ui::Px(most));
}

}  // namespace

void figures_line(const PlasticityLab& lab) {
    std::string line;
    char text[96];
    for (const auto& [name, value] : lab.final_metrics()) {
        std::snprintf(text, sizeof text, std::isfinite(value) ? "%s %.4g   " : "%s -   ", name.c_str(),
                      value);
        line += text;
    }
    ImGui::Text("%s", line.c_str());
}

void log_plot(const char* id, const char* title, const MetricLog& log, const LogPlot& plot, ImVec2 size) {
    const std::vector<double>& x = log.column(plot.x);
    std::vector<ui::PlotSeries> series;
    for (const char* column : plot.columns) series.push_back({column, &x, &log.column(column)});
    std::vector<double> level_x, level_y;
    if (std::isfinite(plot.level) && !x.empty()) {
        level_x = {x.front(), x.back()}, level_y = {plot.level, plot.level};
        series.push_back({plot.level_name, &level_x, &level_y, 0, false, true});
    }
    ui::LinePlot(id, title, series, size, plot.options);
}

void rate_cloud_views(PlasticityLab& lab) {
    static CloudView v;
    const RateRun& run = *lab.rate;
    if (copy_due(v.throttle, lab, kRefreshSeconds)) copy_cloud(run, v);
    // beside each other when there is room, else the cloud above the two curves
    const float width = ImGui::GetContentRegionAvail().x;
    const bool stacked = width < ui::Px(760);
    const float side = std::min(stacked ? width : width * 0.5f, ui::Px(460));
    ui::PlotOptions o;
    o.fix_x = true, o.x_min = -v.extent, o.x_max = v.extent;
    o.fix_y = true, o.y_min = -v.extent, o.y_max = v.extent;
    o.x_label = "x1", o.y_label = "x2";
    ui::LinePlot("cloud", "The cloud, its axes (dashed) and w",
                 {{"samples", &v.cloud_x, &v.cloud_y, ui::PaletteColor(7), true},
                  {"PC1", &v.pc1_x, &v.pc1_y, ui::PaletteColor(1), false, true},
                  {"PC2", &v.pc2_x, &v.pc2_y, ui::PaletteColor(2), false, true},
                  {"path of w", &v.path_x, &v.path_y, ui::PaletteColor(0)},
                  {"w now", &v.w_x, &v.w_y, ui::PaletteColor(3)}},
                 ImVec2(side, side), o);
    if (!stacked) ImGui::SameLine();
    ImGui::BeginGroup();
    const int buckets = std::max(100, int(width / 4));
    ui::MinMaxDecimate(v.passes, v.norm, buckets, v.shown_passes, v.shown_norm);
    ui::MinMaxDecimate(v.passes, v.angle, buckets, v.angle_passes, v.shown_angle);
    const float spacing = stacked ? ImGui::GetStyle().ItemSpacing.x : ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 size =
        stacked ? ImVec2((width - spacing) / 2, ui::Px(200)) : ImVec2(0, (side - spacing) / 2);
    ui::PlotOptions norm;
    norm.x_label = "passes";
    norm.log_y = log_norm(lab);
    ui::LinePlot("norm", norm.log_y ? "|w| (log axis)" : "|w|", {{"|w|", &v.shown_passes, &v.shown_norm}},
                 size, norm);
    if (stacked) ImGui::SameLine();
    ui::PlotOptions angle;
    angle.x_label = "passes", angle.y_label = "deg";
    angle.fix_y = true, angle.y_min = 0, angle.y_max = 90;
    ui::LinePlot("angle", "w's axis to PC1", {{"angle to PC1", &v.angle_passes, &v.shown_angle}}, size,
                 angle);
    ImGui::EndGroup();
}

void rate_digit_views(PlasticityLab& lab) {
    static ImagesView v;
    const bool changed = copy_due(v.throttle, lab, kRefreshSeconds);
    if (changed) v.images = learned_and_true(*lab.rate), v.captions = {"w (learned)", "PC1 (true)"};
    ImGui::BeginGroup();
    ImGui::Text("w and the digits' first principal component");
    ui::ImageGrid("w_image", v.images, kDigitSide, kDigitSide, 2, ui::Px(150), ui::ImageColors::Diverging,
                  v.captions, changed);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (lab.curve.rows() == 0 && !lab.error.empty())
        ImGui::TextDisabled("No pass ended before the weights diverged: no values per pass to plot.");
    const ImVec2 size(0, ui::Px(150));
    LogPlot norm{"epoch", {"w_norm"}};
    norm.options.x_label = "pass", norm.options.log_y = log_norm(lab);
    log_plot("norm", "|w| after each pass", lab.curve, norm, size);
    LogPlot angle{"epoch", {"angle_to_pc1_deg"}};
    angle.options.x_label = "pass", angle.options.y_label = "deg";
    log_plot("angle", "Angle between w's axis and PC1 after each pass", lab.curve, angle, size);
    ImGui::EndGroup();
}

void bcm_views(PlasticityLab& lab) {
    const RateRun& run = *lab.rate;
    const ImVec2 half = HalfWidth(ui::Px(220));
    LogPlot selectivity{"epoch", {"selectivity"}};
    selectivity.options.x_label = "pass", selectivity.options.log_y = true;
    selectivity.level = 5, selectivity.level_name = "5x";
    log_plot("selectivity", "Selectivity: the largest response / the next", lab.curve, selectivity, half);
    ImGui::SameLine();
    LogPlot theta{"epoch", {"theta", "winner_response"}};
    theta.options.x_label = "pass";
    log_plot("theta", "The sliding threshold theta and the largest response", lab.curve, theta, half);

    // y = W x for each pattern (a column of X), and W itself: one bar series per output
    static BarRows responses, weights;
    const Mat Y = run.state.W * run.X;
    char title[96];
    std::snprintf(title, sizeof title, "Responses y = w.x to each pattern now (theta %.3g)",
                  run.state.theta(0));
    const ImVec2 lower = HalfWidth(ui::Px(220));
    ui::BarChart("responses", title, responses.positions, bars_of(Y, responses), lower, "pattern", "y");
    ImGui::SameLine();
    ui::BarChart("weights", "The weights w now", weights.positions, bars_of(run.state.W, weights), lower,
                 "input", "w");
}

void sanger_views(PlasticityLab& lab) {
    static ImagesView v;
    const RateRun& run = *lab.rate;
    const int k = int(run.state.W.rows());
    const bool changed = copy_due(v.throttle, lab, kRefreshSeconds);
    if (changed) {
        v.images = learned_and_true(run);
        const std::vector<double> angles = component_angles_deg(run.state.W.transpose(), *run.pcs);
        v.captions.clear();
        char text[32];
        for (int i = 0; i < k; ++i) {
            std::snprintf(text, sizeof text, "%.1f",
                          angles[size_t(i)]);  // deg: said above, so a tile stays narrow
            v.captions.push_back(text);
        }
        for (int i = 0; i < k; ++i) v.captions.push_back("PC" + std::to_string(i + 1));
    }
    ImGui::TextWrapped(
        "Top: the %d learned components (rows of W, each with its angle to the true one in deg); bottom: "
        "the true ones",
        k);
    ui::ImageGrid("components", v.images, kDigitSide, kDigitSide, k, tile_for(k, 110),
                  ui::ImageColors::Diverging, v.captions, changed);
    LogPlot angles{"epoch", {"max_angle_deg", "mean_angle_deg"}};
    angles.options.x_label = "pass", angles.options.y_label = "deg";
    angles.level = 10, angles.level_name = "10 deg";
    log_plot("angles", "The components' angles to the true ones after each pass", lab.curve, angles,
             ImVec2(0, ui::Px(220)));
}

void draw_plasticity_panel(PlasticityLab& lab) {
    const bool started = lab.rate || lab.song || lab.diehl_cook || lab.error.empty();
    if (ShowIfNotStarted(started, lab.error)) return;
    if (!lab.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.9f, 0.3f, 0.3f, 1));
        ImGui::TextWrapped("Stopped: %s", lab.error.c_str());
        ImGui::PopStyleColor();
    }
    figures_line(lab);
    view_table().find(lab.settings().rule).value(lab);
}

}  // namespace pl
