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

// ThrottledView::due with ImGui's clock and frame count.
inline bool copy_due(ThrottledView& view, const Lab& lab, double seconds) {
    return view.due(lab, ImGui::GetTime(), ImGui::GetFrameCount(), seconds);
}

}  // namespace pl
