#include "labs/bayes-by-backprop/bayes_by_backprop_panel.h"
#include <imgui.h>
#include <algorithm>
#include "labs/bayes-by-backprop/bayes_classifier_panel.h"
#include "labs/supervised_panel.h"
#include "ui/widgets/histogram.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

constexpr int kSamplesShown = 8;    // sampled functions drawn over the bands (bbb)
constexpr double kYRange = 150;     // the plot shows y in [-150, 150]: x^3 reaches +-125 at x = +-5
constexpr double kTrainEdge = 3.5;  // the training range [-3.5, 3.5], marked by two lines

struct PanelState {  // the curves of the last frame, kept so the plot can point at them
    std::vector<double> upper2, lower2, upper1, lower1;
    std::vector<std::vector<double>> functions;
    std::vector<std::vector<double>> data_x, data_y;
    std::vector<double> edge_x_left = {-kTrainEdge, -kTrainEdge}, edge_x_right = {kTrainEdge, kTrainEdge},
                        edge_y = {-kYRange, kYRange};
};

void Summary(const BayesByBackpropLab& lab) {
    const MetricLog& epochs = lab.trainer.epochs;
    if (!lab.error.empty()) ImGui::TextColored(ImVec4(1, 0.4f, 0.4f, 1), "%s", lab.error.c_str());
    ImGui::Text(
        "epoch %.0f   test RMSE %.2f   mean predictive sigma: inside the data %.2f, outside %.2f, "
        "ratio %.2f",
        epochs.last("epoch"), epochs.last("test_rmse"), epochs.last("sigma_in"), epochs.last("sigma_out"),
        epochs.last("sigma_ratio_out_in"));
    UndefinedNotes(epochs, {"test_rmse", "sigma_in", "sigma_out", "sigma_ratio_out_in"});
}

// bbb: the bands first (their edges are unnamed helper series); then the functions or fits, the mean, the
// truth and the data.
void PredictivePlot(BayesByBackpropLab& lab, PanelState& s) {
    const std::vector<double>& x = lab.predictive.column("x");
    const std::vector<double>& mean = lab.predictive.column("mean");
    const std::vector<double>& sigma = lab.predictive.column("sigma");
    s.upper2.resize(x.size()), s.lower2.resize(x.size()), s.upper1.resize(x.size()),
        s.lower1.resize(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
        s.upper2[i] = mean[i] + 2 * sigma[i], s.lower2[i] = mean[i] - 2 * sigma[i];
        s.upper1[i] = mean[i] + sigma[i], s.lower1[i] = mean[i] - sigma[i];
    }
    const bool bayesian = lab.bayesian();
    const int shown =
        bayesian ? std::min(kSamplesShown, int(lab.functions.rows())) : int(lab.functions.rows());
    s.functions.resize(size_t(shown));
    for (int k = 0; k < shown; ++k) {
        const Eigen::RowVectorXd f = lab.functions.row(k).cast<double>();
        s.functions[size_t(k)].assign(f.data(), f.data() + f.size());
    }
    const std::vector<Dataset>& sets = lab.train_sets();
    const size_t data_shown = !bayesian && lab.settings().vary == "data_seed" ? sets.size() : 1;
    s.data_x.resize(data_shown), s.data_y.resize(data_shown);
    for (size_t k = 0; k < data_shown; ++k) {
        s.data_x[k].assign(sets[k].x.data(), sets[k].x.data() + sets[k].size());
        s.data_y[k].assign(sets[k].y.data(), sets[k].y.data() + sets[k].size());
    }

    const ImU32 band_colour = ui::PaletteColor(0);
    std::vector<ui::PlotSeries> series;
    if (bayesian)
        series = {{"", &x, &s.upper2, band_colour},
                  {"", &x, &s.lower2, band_colour},
                  {"", &x, &s.upper1, band_colour},
                  {"", &x, &s.lower1, band_colour}};
    ui::PlotOptions options;
    options.x_label = "x";
    options.y_label = "y";
    options.fix_y = true;
    options.legend_left = true;  // x^3 leaves the top-left corner empty
    options.y_min = -kYRange, options.y_max = kYRange;
    if (bayesian) options.bands = {{0, 1, IM_COL32(31, 119, 180, 70)}, {2, 3, IM_COL32(31, 119, 180, 120)}};
    for (int k = 0; k < shown; ++k) {
        const std::string name =
            bayesian ? (k == 0 ? "sampled functions" : "") : "fit " + std::to_string(k + 1);
        const ImU32 colour = bayesian ? IM_COL32(150, 150, 150, 140) : ui::PaletteColor(k + 2);
        series.push_back({name, &x, &s.functions[size_t(k)], colour});
    }
    series.push_back({bayesian ? "predictive mean" : "mean of the fits", &x, &mean, band_colour});
    ui::PlotSeries truth{"truth x^3", &x, &lab.predictive.column("truth"), IM_COL32(230, 230, 230, 255)};
    truth.dashed = true;
    series.push_back(truth);
    for (const std::vector<double>* edge : {&s.edge_x_left, &s.edge_x_right}) {
        ui::PlotSeries line{"", edge, &s.edge_y, IM_COL32(200, 200, 200, 110)};
        line.dashed = true;
        series.push_back(line);
    }
    for (size_t k = 0; k < data_shown; ++k) {  // with vary=data_seed, each fit's data in its colour
        ui::PlotSeries points{k == 0 ? "training data" : "", &s.data_x[k], &s.data_y[k],
                              data_shown > 1 ? ui::PaletteColor(int(k) + 2) : ui::PaletteColor(1)};
        points.points = true;
        series.push_back(points);
    }
    const char* title = bayesian ? "Predictive mean, +-1 sigma and +-2 sigma over the weight samples"
                                 : "Maximum-likelihood fits and their mean";
    ui::LinePlot("predictive", title, series, ImVec2(0, ui::Px(330)), options);
}

void Curves(BayesByBackpropLab& lab) {
    const MetricLog& epochs = lab.trainer.epochs;
    const std::vector<double>* x = &epochs.column("epoch");
    const ImVec2 size = HalfWidth(ui::Px(220));
    ui::PlotOptions terms;
    terms.x_label = "epoch";
    terms.log_y = true;
    std::vector<ui::PlotSeries> elbo = {{"NLL (sum over the data)", x, &epochs.column("nll")}};
    if (lab.bayesian()) elbo.push_back({"KL(q || prior)", x, &epochs.column("kl")});
    ui::LinePlot("elbo", lab.bayesian() ? "The two terms of the negative ELBO" : "Negative log-likelihood",
                 elbo, size, terms);
    ImGui::SameLine();
    ui::PlotOptions spread;
    spread.x_label = "epoch";
    ui::LinePlot("sigma", "Mean predictive sigma and test RMSE",
                 {{"sigma outside [-3.5, 3.5]", x, &epochs.column("sigma_out")},
                  {"sigma inside", x, &epochs.column("sigma_in")},
                  {"test RMSE on [-5, 5]", x, &epochs.column("test_rmse")}},
                 size, spread);
}

}  // namespace

void draw_bayes_by_backprop_panel(BayesByBackpropLab& lab) {
    static PanelState state;
    if (lab.classifying()) {
        draw_bayes_classifier_panel(lab);
        return;
    }
    Summary(lab);
    PredictivePlot(lab, state);
    Curves(lab);
    if (lab.bayesian())
        ui::Histogram("posterior_sigma", "Posterior sigma of every weight and bias", lab.posterior_sigmas(),
                      50, ImVec2(0, ui::Px(180)));
}

}  // namespace pl
