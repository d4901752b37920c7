// Lab 4's panel: the active regularizers, curves with the generalization gap shaded, weight histograms,
// first-layer features and a grid of augmented digits. The comparison tab holds the results table.
#pragma once
#include "labs/regularization/regularization_lab.h"

namespace pl {

void draw_regularization_panel(RegularizationLab& lab);

}  // namespace pl
