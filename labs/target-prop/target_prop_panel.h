// Lab 7's panel: learning curves, each hidden layer's update angle to BP, the inverses' reconstruction
// errors (DTP), and predictive coding's angle to BP against the number of inference steps.
#pragma once
#include "labs/target-prop/target_prop_lab.h"

namespace pl {

void draw_target_prop_panel(TargetPropLab& lab);

}  // namespace pl
