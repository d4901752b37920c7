// Lab 6's panel: the forgetting plot (every context's test accuracy over the whole run, boundaries marked),
// the accuracy matrix R with ACC, BWT and forgetting, and what the method stores (importance, images).
#pragma once
#include "labs/continual/continual_lab.h"

namespace pl {

void draw_continual_panel(ContinualLab& lab);

}  // namespace pl
