#include "engine/update_angles.h"
#include <algorithm>
#include <cmath>
#include <limits>
#include "engine/angles.h"
#include "engine/math.h"

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
    UpdateAnglesInParts parts;
    parts.start(net, loss, rule, x, y);
    while (!parts.advance(std::numeric_limits<int>::max())) {
    }
    return parts.result;
}

void UpdateAnglesInParts::start(Mlp& net, const Loss& loss, LearningRule& rule, const Mat& x, const Mat& y) {
    net_ = &net, loss_ = &loss, rule_ = &rule, x_ = &x, y_ = &y;
    part_ = Part::Forward;
}

bool UpdateAnglesInParts::advance(int steps) {
    std::vector<Linear*> layers = net_->linears();
    if (part_ == Part::Forward) {
        grad_out_ = loss_->grad(net_->forward(*x_, true), *y_);
        part_ = Part::Rule;
        return false;
    }
    if (part_ == Part::Done) {  // the angles are in `result`
        part_ = Part::Idle;
        return true;
    }
    if (part_ == Part::Rule) {
        if (!rule_->backward_steps(*net_, grad_out_, steps)) return false;
        rule_grads_.clear();
        for (Linear* layer : layers) rule_grads_.push_back(layer->W.grad);
        part_ = Part::Backprop;
        return false;
    }
    Backprop bp;  // on the layers' inputs of the forward part: predictions in between use Mlp::infer()
    bp.backward(*net_, grad_out_);
    UpdateAngles& angles = result;
    angles = UpdateAngles();
    const std::vector<Mat>& rule_grads = rule_grads_;
    const LearningRule& rule = *rule_;
    double dot = 0, rule_sq = 0, bp_sq = 0;  // over all layers: cos = <r, g> / (|r| |g|)
    for (size_t l = 0; l < layers.size(); ++l) {
        const Mat& g = layers[l]->W.grad;
        if (l + 1 < layers.size()) {
            angles.hidden.push_back(angle_deg(rule_grads[l], g));
            angles.hidden_undefined.push_back(why_undefined(rule_grads[l].squaredNorm(), g.squaredNorm(),
                                                            rule.name(), "layer " + std::to_string(l + 1)));
        }
        const Eigen::ArrayXXd r_l = rule_grads[l].cast<double>(), g_l = g.cast<double>();  // sums in double
        dot += (r_l * g_l).sum();
        rule_sq += r_l.square().sum(), bp_sq += g_l.square().sum();
    }
    angles.all = pl::acos(std::clamp(dot / std::sqrt(rule_sq * bp_sq), -1.0, 1.0)) * 180 / M_PI;
    angles.all_undefined = why_undefined(rule_sq, bp_sq, rule.name(), "the network");
    part_ = Part::Done;
    return false;
}

}  // namespace pl
