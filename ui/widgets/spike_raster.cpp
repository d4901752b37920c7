#include "ui/widgets/spike_raster.h"
#include <algorithm>
#include <cstdio>
#include <string>
#include "ui/export.h"
#include "ui/widgets/line_plot.h"

namespace pl::ui {

namespace {
std::string SpikesCsv(const SpikeEvents& events) {
    std::string csv = "neuron,time_ms\n";
    char row[64];
    for (size_t k = 0; k < events.t_ms.size(); ++k) {
        std::snprintf(row, sizeof row, "%d,%g\n", events.neuron[k], events.t_ms[k]);
        csv += row;
    }
    return csv;
}

SpikeEvents EventsOf(const Eigen::MatrixXd& spikes, double dt_ms) {
    SpikeEvents events;
    events.neurons = int(spikes.rows());
    events.t1_ms = std::max<Eigen::Index>(1, spikes.cols()) * dt_ms;
    events.dash_ms = dt_ms;
    for (int t = 0; t < spikes.cols(); ++t)
        for (int i = 0; i < spikes.rows(); ++i)
            if (spikes(i, t) != 0) events.t_ms.push_back((t + 0.5) * dt_ms), events.neuron.push_back(i);
    return events;
}
}  // namespace

int SpikeRaster(const char* id, const char* title, const Eigen::MatrixXd& spikes, double dt_ms, ImVec2 size,
                ImU32 color) {
    return SpikeRaster(id, title, EventsOf(spikes, dt_ms), size, color);
}

int SpikeRaster(const char* id, const char* title, const SpikeEvents& events, ImVec2 size, ImU32 color,
                int second_from, ImU32 second_color) {
    ImGui::PushID(id);
    const ImRect rect = PlacePlot(size, 200, "##raster");
    const bool hovered = ImGui::IsItemHovered() && !PngCapturePending();
    const std::string csv = ExportMenuOpen("##export") ? SpikesCsv(events) : "";
    ExportContextMenu("##export", title && *title ? title : id, csv, rect.Min, rect.Max);
    if (color == 0) color = ImGui::GetColorU32(ImGuiCol_Text);
    if (second_color == 0) second_color = color;

    // Title, with the spike count on the right.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 frame_min = rect.Min;
    const int neurons = events.neurons, total = int(events.t_ms.size());
    char count[64];
    std::snprintf(count, sizeof count, "%d spikes, %d neurons", total, neurons);
    frame_min.y += DrawPlotTitle(draw, rect.Min, rect.Max, title ? title : "", count);

    const PlotAxes axes = DrawPlotAxes(draw, frame_min, rect.Max, events.t0_ms, events.t1_ms, -0.5,
                                       std::max(1, neurons) - 0.5, false, "time (ms)", "neuron");
    // A dash per spike: dash_ms wide (at least 2 px), one neuron high (at least 1 px).
    const float row_h = std::max(1.0f, (axes.max.y - axes.min.y) / std::max(1, neurons));
    const float col_w = std::max(2.0f, float(events.dash_ms / std::max(1e-9, events.t1_ms - events.t0_ms)) *
                                           (axes.max.x - axes.min.x));
    for (size_t k = 0; k < events.t_ms.size(); ++k) {
        if (events.t_ms[k] < events.t0_ms || events.t_ms[k] > events.t1_ms) continue;
        const int i = events.neuron[k];
        const ImVec2 c = axes.ToScreen(events.t_ms[k], i);
        draw->AddRectFilled(ImVec2(c.x - col_w / 2, c.y - row_h / 2),
                            ImVec2(c.x + col_w / 2, c.y + row_h / 2),
                            second_from >= 0 && i >= second_from ? second_color : color);
    }
    if (total == 0) {
        const char* text = neurons == 0 ? "no data yet" : "no spikes";
        const ImVec2 text_size = ImGui::CalcTextSize(text);
        draw->AddText(
            ImVec2((axes.min.x + axes.max.x - text_size.x) / 2, (axes.min.y + axes.max.y - text_size.y) / 2),
            ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
    }

    // Which neuron is under the mouse.
    int hovered_neuron = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered && neurons > 0 && mouse.x >= axes.min.x && mouse.x < axes.max.x && mouse.y >= axes.min.y &&
        mouse.y < axes.max.y) {
        const double y = axes.y0 + (axes.max.y - mouse.y) / (axes.max.y - axes.min.y) * (axes.y1 - axes.y0);
        hovered_neuron = std::clamp(int(std::lround(y)), 0, neurons - 1);
        const ImVec2 left = axes.ToScreen(axes.x0, hovered_neuron),
                     right = axes.ToScreen(axes.x1, hovered_neuron);
        draw->AddLine(left, right, ImGui::GetColorU32(ImGuiCol_PlotLinesHovered));
        ImGui::BeginTooltip();
        ImGui::Text("neuron %d: %d spikes shown, t = %.0f ms", hovered_neuron,
                    int(std::count(events.neuron.begin(), events.neuron.end(), hovered_neuron)),
                    axes.XAt(mouse.x));
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return hovered_neuron;
}

}  // namespace pl::ui
