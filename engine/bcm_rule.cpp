#include "engine/rate_rule_steps.h"

namespace pl {

// dw = eta <x y (y - theta)>;  theta += (b / tau_theta) (<y^2> - theta): tau_theta dtheta/dt = y^2 - theta by
// Euler over the batch's b samples
void bcm_step(const RateParams& p, const Mat& X, RateState& s) {
    const Mat Y = s.W * X;
    const Mat gain = Y.array() * (Y.array().colwise() - s.theta.array());
    s.W += p.eta * gain * X.transpose() / double(X.cols());
    s.theta += double(X.cols()) / p.tau_theta * (Y.array().square().rowwise().mean().matrix() - s.theta);
}

}  // namespace pl
