#include "engine/rate_rule_steps.h"

namespace pl {

// dW = eta <y x^T - LT(y y^T) W>  (Sanger's generalised Hebbian algorithm, LT: lower triangle with diagonal)
void sanger_step(const RateParams& p, const Mat& X, RateState& s) {
    const Mat Y = s.W * X;
    const Mat YYt = Y * Y.transpose();
    s.W += p.eta * (Y * X.transpose() - Mat(YYt.triangularView<Eigen::Lower>()) * s.W) / double(X.cols());
}

}  // namespace pl
