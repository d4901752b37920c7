// Lab 3's panel in classification mode (task=mnist): loss and accuracy per epoch, the histograms of the
// predictive entropy on test digits, Fashion-MNIST and noise images, and a few images of each with theirs.
#pragma once
#include "labs/bayes-by-backprop/bayes_by_backprop_lab.h"

namespace pl {

void draw_bayes_classifier_panel(BayesByBackpropLab& lab);

}  // namespace pl
