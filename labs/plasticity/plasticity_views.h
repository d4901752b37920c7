// The plasticity panel's views, one function per kind of experiment (each in its own file), and what they
// share: the run's figures on one line and a throttle for copies of the lab's state that are costly to draw.
#pragma once
#include <imgui.h>
#include <cmath>
#include <utility>
#include <vector>
#include "labs/plasticity/plasticity_lab.h"
#include "labs/view_cache.h"
#include "ui/widgets/line_plot.h"

namespace pl {

void rate_cloud_views(PlasticityLab& lab);   // hebb, oja on the cloud (the digits: rate_digit_views)
void rate_digit_views(PlasticityLab& lab);   // hebb, oja on the digits
void bcm_views(PlasticityLab& lab);          // bcm
void sanger_views(PlasticityLab& lab);       // sanger
void stdp_views(PlasticityLab& lab);         // stdp-pair, stdp-triplet
void song_abbott_views(PlasticityLab& lab);  // song-abbott
void diehl_cook_views(PlasticityLab& lab);   // diehl-cook

// The lab's final metrics so far, "name value" on one line.
void figures_line(const PlasticityLab& lab);
// Columns of `log` against its column `x`, each series named by its column, plus a dashed horizontal line
// at `level` when it is finite (e.g. an acceptance bound).
struct LogPlot {
    LogPlot(const char* x_column, std::vector<const char*> y_columns)
        : x(x_column), columns(std::move(y_columns)) {}
    const char* x;
    std::vector<const char*> columns;
    ui::PlotOptions options;
    double level = std::nan("");
    const char* level_name = "";
};
void log_plot(const char* id, const char* title, const MetricLog& log, const LogPlot& plot, ImVec2 size);

// True when a view should copy the lab's state again: at once after a reset or when the view was not drawn
// in the last frame (its texture may hold another view's pixels), else once the lab moved on and `seconds`
// have passed since the last copy (a live view stays cheap to draw while the lab runs).
class Throttle {
public:
    bool due(const Lab& lab, double seconds) {
        const ViewKey now = view_key(lab);
        const int frame = ImGui::GetFrameCount();
        const bool away = frame > frame_ + 1;
        frame_ = frame;
        const bool reset =
            now.lab != key_.lab || now.generation != key_.generation || now.samples < key_.samples;
        if (!reset && !away && (now == key_ || ImGui::GetTime() - at_ < seconds)) return false;
        key_ = now, at_ = ImGui::GetTime();
        return true;
    }

private:
    ViewKey key_;
    double at_ = -1e9;
    int frame_ = -2;  // ImGui's frame count at the last call
};

}  // namespace pl
