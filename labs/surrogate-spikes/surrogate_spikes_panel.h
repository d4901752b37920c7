// ImGui panel of Lab 5: learning curves, rasters and membrane traces of one test sample or a drawn digit,
// weight and spike-count histograms, confusion matrix.
#pragma once
#include "labs/surrogate-spikes/surrogate_spikes_lab.h"

namespace pl {

void draw_surrogate_spikes_panel(SurrogateSpikesLab& lab);

}  // namespace pl
