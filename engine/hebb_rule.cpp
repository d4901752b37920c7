#include "engine/rate_rule_steps.h"

namespace pl {

// dW = eta <y x^T>
void hebb_step(const RateParams& p, const Mat& X, RateState& s) {
    const Mat Y = s.W * X;
    s.W += p.eta * Y * X.transpose() / double(X.cols());
}

}  // namespace pl
