// The plasticity lab's panel: per rule, what it learns (the weight vector on the cloud, components as images,
// BCM's threshold, the STDP window and Sjostrom's bars, Song-Abbott's histograms, Diehl & Cook's live
// fields).
#pragma once
#include "labs/plasticity/plasticity_lab.h"

namespace pl {

void draw_plasticity_panel(PlasticityLab& lab);

}  // namespace pl
