// The ImGui panel of each lab (plots, tools), drawn in the app's main area; dispatch by lab id.
// Run controls and the parameter editor are the shell's, not the panel's.
#pragma once
#include "labs/lab.h"

namespace pl {

void draw_lab_panel(Lab& lab);

}  // namespace pl
