// Lab 1's panel: learning curves, weight/gradient norms, receptive fields, confusion matrix, mistakes,
// fits of toy sets, the gradient check and the drawing pad.
#pragma once
#include "labs/backprop/backprop_lab.h"

namespace pl {

void draw_backprop_panel(BackpropLab& lab);

}  // namespace pl
