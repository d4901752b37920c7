#include "engine/update_angles.h"
#include "engine/angles.h"

namespace pl {

std::vector<double> update_angles_to_bp(Mlp& net, const Loss& loss, LearningRule& rule, const Mat& x,
                                        const Mat& y) {
    const Mat grad_out = loss.grad(net.forward(x, true), y);
    std::vector<Linear*> layers = net.linears();

    rule.backward(net, grad_out);
    std::vector<Mat> rule_grads;
    for (Linear* layer : layers) rule_grads.push_back(layer->W.grad);

    Backprop bp;
    bp.backward(net, grad_out);
    std::vector<double> angles;
    for (size_t l = 0; l + 1 < layers.size(); ++l)
        angles.push_back(angle_deg(rule_grads[l], layers[l]->W.grad));
    return angles;
}

}  // namespace pl
