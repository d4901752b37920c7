// How far a learning rule's weight update is from backprop's: on one batch, the angle between the rule's
// grad and the exact gradient of every hidden layer's weights W_l (l = 1 .. L-1), in degrees.
#pragma once
#include <vector>
#include "engine/learning_rule.h"
#include "engine/loss.h"

namespace pl {

// Runs net.forward(x, true), then rule.backward and Backprop.backward on the same output error; the grads
// are left as BP set them (call it between training steps, not between backward and the optimizer step).
std::vector<double> update_angles_to_bp(Mlp& net, const Loss& loss, LearningRule& rule, const Mat& x,
                                        const Mat& y);

}  // namespace pl
