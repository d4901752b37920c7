#include "engine/rate_rule_steps.h"

namespace pl {

// dw = eta <y (x - y w)>, each row its own unit: dW = eta (<y x^T> - diag(<y^2>) W)
void oja_step(const RateParams& p, const Mat& X, RateState& s) {
    // EXERCISE plasticity.oja_update: Oja's rule dw = eta y (x - y w), averaged over a batch (2 points)
    // HINT: X holds one sample per column; Y = W X holds each output's y per sample (a row of W per output).
    // HINT: each row w of W learns on its own: dW = eta (<y x^T> - diag(<y^2>) W), <.> the column mean.
    // HINT: the decay term y^2 w is subtracted: with + the weights grow without bound, as Hebb's do.
    // HINT: divide by X.cols(): a batch of b samples makes one averaged step, not the sum of b steps.
    const Mat Y = s.W * X;
    const Vec y2 = Y.rowwise().squaredNorm();
    s.W += p.eta * (Y * X.transpose() - y2.asDiagonal() * s.W) / double(X.cols());
    // END EXERCISE
}

}  // namespace pl
