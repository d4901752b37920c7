// Lab 6's panel (a placeholder until the forgetting plot, the accuracy matrix and the methods' views land):
// one line with the run's state.
#pragma once
#include "labs/continual/continual_lab.h"

namespace pl {

void draw_continual_panel(ContinualLab& lab);

}  // namespace pl
