// Every per-epoch metric of a comparison as one plot, with one series per run ("rule=fa") and a legend.
// Generic: works for any lab, from the runs' logs()[0].
#pragma once
#include "labs/comparison.h"

namespace pl::ui {

void ComparisonView(const Comparison& comparison);

}  // namespace pl::ui
