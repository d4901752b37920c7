// The neurons lab's panel: one neuron's voltage, current, gates or adaptation, phase plane, ISIs and f-I
// curve; or a network's raster, population rates and the distributions of rates and ISI CVs.
#pragma once
#include "labs/neurons/neurons_lab.h"

namespace pl {

void draw_neurons_panel(NeuronsLab& lab);

}  // namespace pl
