// Lab 3's panel: the predictive mean with +-1 sigma / +-2 sigma bands, sampled functions (or the MLE fits),
// the data and the truth; the ELBO terms and the predictive sigma per epoch; the histogram of posterior
// sigmas. With task=mnist it draws the classification panel (bayes_classifier_panel.h).
#pragma once
#include "labs/bayes-by-backprop/bayes_by_backprop_lab.h"

namespace pl {

void draw_bayes_by_backprop_panel(BayesByBackpropLab& lab);

}  // namespace pl
