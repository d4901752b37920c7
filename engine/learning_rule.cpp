// Backprop: the error travels down through every layer's exact backward pass.
#include "engine/learning_rule.h"

namespace pl {

// g_L = dL/d(output); g_{l-1} = layer_l.backward(g_l), which also sets layer_l's parameter grads
void Backprop::backward(Mlp& net, const Mat& grad_out) {
    Mat g = grad_out;
    for (auto it = net.layers.rbegin(); it != net.layers.rend(); ++it) g = (*it)->backward(g);
}

}  // namespace pl
