#include "engine/update_angles.h"
#include <algorithm>
#include <cmath>
#include "engine/angles.h"

namespace pl {

namespace {
// Why the angle between two updates (squared norms rule_sq, bp_sq) of `what` is undefined: "" when it is not.
std::string why_undefined(double rule_sq, double bp_sq, const std::string& rule, const std::string& what) {
    if (!std::isfinite(rule_sq) || !std::isfinite(bp_sq)) return "the updates of " + what + " overflowed";
    if (bp_sq == 0) return "the BP update of " + what + " is zero";
    if (rule_sq == 0) return "the " + rule + " update of " + what + " is zero";
    return "";
}
}  // namespace

UpdateAngles update_angles_to_bp(Mlp& net, const Loss& loss, LearningRule& rule, const Mat& x, const Mat& y) {
    const Mat grad_out = loss.grad(net.forward(x, true), y);
    std::vector<Linear*> layers = net.linears();

    rule.backward(net, grad_out);
    std::vector<Mat> rule_grads;
    for (Linear* layer : layers) rule_grads.push_back(layer->W.grad);

    Backprop bp;
    bp.backward(net, grad_out);
    UpdateAngles angles;
    double dot = 0, rule_sq = 0, bp_sq = 0;  // over all layers: cos = <r, g> / (|r| |g|)
    for (size_t l = 0; l < layers.size(); ++l) {
        const Mat& g = layers[l]->W.grad;
        if (l + 1 < layers.size()) {
            angles.hidden.push_back(angle_deg(rule_grads[l], g));
            angles.hidden_undefined.push_back(why_undefined(rule_grads[l].squaredNorm(), g.squaredNorm(),
                                                            rule.name(), "layer " + std::to_string(l + 1)));
        }
        dot += (rule_grads[l].array() * g.array()).sum();
        rule_sq += rule_grads[l].squaredNorm(), bp_sq += g.squaredNorm();
    }
    angles.all = std::acos(std::clamp(dot / std::sqrt(rule_sq * bp_sq), -1.0, 1.0)) * 180 / M_PI;
    angles.all_undefined = why_undefined(rule_sq, bp_sq, rule.name(), "the network");
    return angles;
}

}  // namespace pl
