// Spike raster on ImDrawList: one row per neuron (neuron 0 at the bottom), time in ms along x, a dash per
// spike; hover read-out of the neuron's spike count. Right-click exports CSV (neuron, time) and PNG.
#pragma once
#include <imgui.h>
#include <Eigen/Core>
#include <vector>

namespace pl::ui {

// spikes: neurons x steps, nonzero = a spike at that step. Returns the hovered neuron or -1.
int SpikeRaster(const char* id, const char* title, const Eigen::MatrixXd& spikes, double dt_ms, ImVec2 size,
                ImU32 color = 0);

// Spikes as events (a network's last half second): spike k is neuron[k] at t_ms[k], drawn over t0..t1 ms for
// neurons 0 .. neurons - 1; neurons from `second_from` on (e.g. the inhibitory ones) in `second_color`.
struct SpikeEvents {
    std::vector<double> t_ms;
    std::vector<int> neuron;
    int neurons = 0;
    double t0_ms = 0, t1_ms = 1;
    double dash_ms = 1;  // a dash's width in time (at least 2 px)
};
int SpikeRaster(const char* id, const char* title, const SpikeEvents& events, ImVec2 size, ImU32 color = 0,
                int second_from = -1, ImU32 second_color = 0);

}  // namespace pl::ui
