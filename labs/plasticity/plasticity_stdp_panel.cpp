// The plasticity panel's STDP views: the measured window with its fitted exponentials, Sjostrom's
// frequency protocol as bars; Song-Abbott's weight histogram over time, now, and the output rate.
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include "labs/plasticity/plasticity_views.h"
#include "labs/supervised_panel.h"
#include "ui/export.h"
#include "ui/widgets/bar_chart.h"
#include "ui/widgets/image_grid.h"
#include "ui/widgets/units.h"

namespace pl {

namespace {

constexpr int kFitPoints = 200;          // per side of the window
constexpr int kMapColumns = 1000;        // Song-Abbott's histogram map: at most this many columns of time
constexpr double kRefreshSeconds = 0.1;  // the map's texture is rebuilt at most this often

// The side's amplitude A of dw = A e^(-dt/tau) for the fitted tau: with the slope -1/tau fixed, least
// squares on log|dw| = log A - dt/tau gives log A = mean(log|dw| + dt/tau) over the side's delays.
double fitted_amplitude(const std::vector<double>& dt, const std::vector<double>& dw, double sign,
                        double tau) {
    double sum = 0;
    int n = 0;
    for (size_t k = 0; k < dt.size(); ++k)
        if (sign * dt[k] > 0 && dw[k] != 0) sum += std::log(std::abs(dw[k])) + sign * dt[k] / tau, ++n;
    return n ? std::exp(sum / n) : std::nan("");
}

// dw = +-A e^(-|dt|/tau) over the side (sign +1: dt > 0, potentiation; -1: dt < 0, depression).
void fitted_side(const std::vector<double>& dt, const std::vector<double>& dw, double sign, double tau,
                 std::vector<double>& x, std::vector<double>& y) {
    x.clear(), y.clear();
    const double A = fitted_amplitude(dt, dw, sign, tau);
    if (!std::isfinite(A) || !std::isfinite(tau) || dt.empty()) return;
    const double reach = std::max(std::abs(dt.front()), std::abs(dt.back()));
    for (int k = 0; k <= kFitPoints; ++k) {
        const double d = sign * reach * k / kFitPoints;
        x.push_back(d), y.push_back(sign * A * std::exp(-std::abs(d) / tau));
    }
}

ImU32 heat_color(double fraction) {  // white -> dark blue, as the heat map widget's
    const float t = float(std::clamp(fraction, 0.0, 1.0));
    return ImGui::ColorConvertFloat4ToU32(ImVec4(0.97f - 0.89f * t, 0.97f - 0.72f * t, 0.97f - 0.52f * t, 1));
}

std::string histograms_csv(const Eigen::MatrixXd& h) {
    std::string csv = "t_s";
    for (Eigen::Index b = 0; b < h.cols(); ++b) csv += ",bin" + std::to_string(b);
    csv += "\n";
    char number[32];
    for (Eigen::Index t = 0; t < h.rows(); ++t) {
        csv += std::to_string(t + 1);
        for (Eigen::Index b = 0; b < h.cols(); ++b)
            std::snprintf(number, sizeof number, ",%.6g", h(t, b)), csv += number;
        csv += "\n";
    }
    return csv;
}

// The histograms as texture pixels, a column per kMapColumns-th of the rows at most (their mean), the highest
// bin in the top row.
struct HistogramMap {
    ThrottledView throttle;
    std::vector<ImU32> pixels;
    int columns = 0, rows = 0;  // the texture's width, the histograms it shows
};

void colour_map(const Eigen::MatrixXd& h, HistogramMap& map) {
    const int T = int(h.rows()), B = int(h.cols());
    map.columns = std::min(T, kMapColumns), map.rows = T;
    map.pixels.resize(size_t(map.columns) * size_t(B));
    if (T == 0) return;
    const double top = std::max(1e-12, h.maxCoeff());
    for (int c = 0; c < map.columns; ++c) {
        const int first = int(long(c) * T / map.columns), last = int(long(c + 1) * T / map.columns);
        const Eigen::VectorXd mean = h.middleRows(first, last - first).colwise().mean().transpose();
        for (int b = 0; b < B; ++b)
            map.pixels[size_t(B - 1 - b) * size_t(map.columns) + size_t(c)] = heat_color(mean(b) / top);
    }
}

// The histograms (row k: after k + 1 s) as an image on axes: time along x, w / w_max along y, the fraction
// of the weights in each bin from white (none) to dark blue (the largest fraction).
void histogram_map(const PlasticityLab& lab, double seconds, ImVec2 size) {
    static HistogramMap map;
    const Eigen::MatrixXd& h = lab.song_histograms;
    const bool changed = copy_due(map.throttle, lab, kRefreshSeconds);
    if (changed) colour_map(h, map);
    const char* title = "Weight histogram over time (fraction of the weights per bin)";
    ImGui::PushID("histogram_map");
    const ImRect rect = ui::PlacePlot(size, 220, "##map");
    const std::string csv = ui::ExportMenuOpen("##export") ? histograms_csv(h) : "";
    ui::ExportContextMenu("##export", title, csv, rect.Min, rect.Max);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddText(rect.Min, ImGui::GetColorU32(ImGuiCol_Text), title);
    const ImVec2 frame(rect.Min.x, rect.Min.y + ImGui::GetTextLineHeight() + 3);
    const ui::PlotAxes axes =
        ui::DrawPlotAxes(draw, frame, rect.Max, 0, seconds, 0, 1, false, "time (s)", "w / w_max");
    if (map.columns > 0) {
        const ImGuiID id = ImGui::GetID("##texture");
        const int B = int(h.cols());
        ImTextureID texture = changed ? ImTextureID(0) : ui::PixelTexture(id, map.columns, B, nullptr, false);
        if (!texture) texture = ui::PixelTexture(id, map.columns, B, map.pixels.data(), false);
        draw->AddImage(texture, axes.ToScreen(0, 1), axes.ToScreen(double(map.rows), 0));
    }
    ImGui::PopID();
}

}  // namespace

void stdp_views(PlasticityLab& lab) {
    static std::vector<double> plus_x, plus_y, minus_x, minus_y, rates, pre_post, post_pre;
    const std::vector<double>& dt = lab.window.column("dt_ms");
    const std::vector<double>& dw = lab.window.column("dw");
    const double tau_plus = lab.curve.rows() ? lab.curve.last("fit_tau_plus_ms") : std::nan("");
    const double tau_minus = lab.curve.rows() ? lab.curve.last("fit_tau_minus_ms") : std::nan("");
    fitted_side(dt, dw, +1, tau_plus, plus_x, plus_y);
    fitted_side(dt, dw, -1, tau_minus, minus_x, minus_y);
    const ParamLookup value = lookup_of(lab.settings().stdp);
    ImGui::Text("Fitted: tau+ %.4g ms (set %.4g ms), tau- %.4g ms (set %.4g ms)", tau_plus, value("tau_plus"),
                tau_minus, value("tau_minus"));
    const ImVec2 half = HalfWidth(ui::Px(300));
    ui::PlotOptions o;
    o.x_label = "dt = t_post - t_pre (ms)", o.y_label = "dw";
    if (!dw.empty()) {  // room above the data for the legend
        const auto [lo, hi] = std::minmax_element(dw.begin(), dw.end());
        const double range = std::max(1e-12, *hi - *lo);
        o.fix_y = true, o.y_min = *lo - 0.05 * range, o.y_max = *hi + 0.4 * range;
    }
    char title[128];
    std::snprintf(title, sizeof title, "The window: dw after %d pairings at each delay, and its fit",
                  lab.settings().window.pairings);
    ui::LinePlot("window", title,
                 {{"measured", &dt, &dw, ui::PaletteColor(0), true},
                  {"A+ e^(-dt/tau+)", &plus_x, &plus_y, ui::PaletteColor(3), false, true},
                  {"-A- e^(dt/tau-)", &minus_x, &minus_y, ui::PaletteColor(1), false, true}},
                 half, o);
    ImGui::SameLine();
    rates = lab.sjostrom.column("rate_hz");
    pre_post = lab.sjostrom.column("dw_pre_post");
    post_pre = lab.sjostrom.column("dw_post_pre");
    ui::BarChart("sjostrom", "Sjostrom's protocol: dw per pairing rate, dt = +10 ms and -10 ms", rates,
                 {{"pre-post (+10 ms)", &pre_post, ui::PaletteColor(3)},
                  {"post-pre (-10 ms)", &post_pre, ui::PaletteColor(0)}},
                 half, "pairing rate (Hz)", "dw");
    if (lab.sjostrom.rows() == 0) ImGui::TextDisabled("Sjostrom's protocol runs after the window.");
}

void song_abbott_views(PlasticityLab& lab) {
    static std::vector<double> bin_centres, fractions;
    const Eigen::MatrixXd& h = lab.song_histograms;
    histogram_map(lab, std::max(1.0, lab.settings().duration_s), ImVec2(0, ui::Px(240)));
    const ImVec2 third((ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3,
                       ui::Px(220));
    const int bins = int(h.cols());
    bin_centres.resize(size_t(bins));
    for (int b = 0; b < bins; ++b) bin_centres[size_t(b)] = (b + 0.5) / bins;
    if (h.rows() > 0) {
        const Eigen::VectorXd last = h.row(h.rows() - 1).transpose();
        fractions.assign(last.begin(), last.end());
    } else {
        fractions.clear();
    }
    char title[96];
    std::snprintf(title, sizeof title, "Weights now (after %d s)", int(h.rows()));
    ui::BarChart("histogram_now", title, bin_centres, {{"fraction of the weights", &fractions}}, third,
                 "w / w_max", "fraction");
    ImGui::SameLine();
    LogPlot rate{"t_s", {"rate_hz"}};
    rate.options.x_label = "time (s)", rate.options.y_label = "Hz";
    log_plot("rate", "The output rate per second", lab.curve, rate, third);
    ImGui::SameLine();
    LogPlot bimodal{"t_s", {"bimodal_fraction", "mean_w_per_max"}};
    bimodal.options.x_label = "time (s)";
    bimodal.options.fix_y = true, bimodal.options.y_min = 0, bimodal.options.y_max = 1.05;
    bimodal.level = 0.8, bimodal.level_name = "0.8";
    log_plot("bimodal", "In the outer fifths; the mean w / w_max", lab.curve, bimodal, third);
}

}  // namespace pl
