// Backprop: the error travels down through every layer's exact backward pass.
#include "engine/learning_rule.h"

namespace pl {

// g_L = dL/d(output); g_{l-1} = layer_l.backward(g_l), which also sets layer_l's parameter grads
void Backprop::backward(Mlp& net, const Mat& grad_out) { net.backward(grad_out, InputGrad::Skip); }

std::vector<FeedbackPath> Backprop::feedback_paths(Mlp& net) const {
    std::vector<Linear*> linear = net.linears();
    std::vector<FeedbackPath> paths;
    for (size_t l = 1; l < linear.size(); ++l)
        paths.push_back({linear[l]->W.value.transpose(), linear[l]->W.value});
    return paths;
}

}  // namespace pl
