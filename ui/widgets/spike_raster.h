// Spike raster on ImDrawList: one row per neuron (neuron 0 at the bottom), time in ms along x, a dash per
// spike; hover read-out of the neuron's spike count. Right-click exports CSV (neuron, time) and PNG.
#pragma once
#include <imgui.h>
#include <Eigen/Core>

namespace pl::ui {

// spikes: neurons x steps, nonzero = a spike at that step. Returns the hovered neuron or -1.
int SpikeRaster(const char* id, const char* title, const Eigen::MatrixXd& spikes, double dt_ms, ImVec2 size,
                ImU32 color = 0);

}  // namespace pl::ui
