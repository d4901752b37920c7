// Weight penalties and constraints applied around an optimizer step, to the weight matrices only (biases
// and batch-norm parameters are left alone): L2 and L1 add their gradients, max-norm projects after the step.
#pragma once
#include <vector>
#include "engine/linear.h"

namespace pl {

void add_l2_grad(const std::vector<Linear*>& layers, double lambda);  // L += lambda/2 ||W||^2: g += lambda W
void add_l1_grad(const std::vector<Linear*>& layers,
                 double lambda);  // L += lambda |W|_1: g += lambda sign(W)
// Every unit's incoming weight vector w_i (a row of W) scaled back onto the ball ||w_i|| <= c.
void project_max_norm(const std::vector<Linear*>& layers, double c);
double l2_penalty(const std::vector<Linear*>& layers, double lambda);  // lambda/2 sum ||W||^2
double l1_penalty(const std::vector<Linear*>& layers, double lambda);  // lambda sum |W|_1

}  // namespace pl
