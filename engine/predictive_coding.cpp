// Predictive coding: inference on the value nodes, then local Hebbian-like weight updates.
#include "engine/predictive_coding.h"
#include <cmath>
#include "engine/mlp_parts.h"

namespace pl {

// mu_l = W_l f(x_{l-1}) + b_l
static Mat prediction(const Linear& layer, const Mat& f_below) {
    return (layer.W.value * f_below).colwise() + layer.b.value.col(0);
}

void PredictiveCoding::backward(Mlp& net, const Mat& grad_out) {
    std::vector<Linear*> linear = net.linears();  // linear[l - 1] holds W_l, b_l
    std::vector<Activation*> act = activations(net);
    const size_t L = linear.size();
    const double B = double(grad_out.cols());
    // x[l], f(x[l]), f'(x[l]), mu[l] and eps[l] for layers l = 1..L-1; x_0 is clamped to the input
    std::vector<Mat> x(L), fx(L), dfx(L), mu(L);
    std::vector<Mat>& eps = errors_;
    eps.assign(L + 1, Mat());
    auto apply_f = [&](size_t l) {
        Activation f(act[l - 1]->kind());
        fx[l] = f.forward(x[l], true);
        dfx[l] = f.derivative();
    };
    fx[0] = linear[0]->input();
    for (size_t l = 1; l < L; ++l) {
        mu[l] = prediction(*linear[l - 1], fx[l - 1]);
        x[l] = mu[l];  // the forward pass: every eps_l = 0
        apply_f(l);
        eps[l] = Mat::Zero(x[l].rows(), x[l].cols());
    }
    eps[L] = -B * grad_out;  // eps_L = -dL_b/d(output), fixed

    step_sizes_.clear();
    // One step: x_l += rate (-eps_l + f'(x_l) .* W_{l+1}^T eps_{l+1}) for every hidden l, then f(x_l), then
    // mu_l = W_l f(x_{l-1}) + b_l (mu_1 stays: x_0 is clamped) and eps_l = x_l - mu_l
    for (int step = 0; step < inference_steps; ++step) {
        double squared = 0;  // sum over l of ||x_l's change||^2
        // EXERCISE target-prop.pc_inference_step: One inference step of predictive coding (3 points)
        // HINT: move every hidden x_l (l = 1..L-1) first, from the old eps; linear[l]->W.value is W_{l+1}.
        // HINT: then apply_f(l) (new f(x_l), f'(x_l)), prediction() for mu_l, and eps_l = x_l - mu_l.
        // HINT: add each ||change of x_l||^2 to squared; eps_L (the output error) stays fixed.
        for (size_t l = 1; l < L; ++l) {
            const Mat dx =
                inference_rate * (-eps[l] + dfx[l].cwiseProduct(linear[l]->W.value.transpose() * eps[l + 1]));
            x[l] += dx;
            squared += dx.squaredNorm();
        }
        for (size_t l = 1; l < L; ++l) apply_f(l);
        for (size_t l = 2; l < L; ++l) mu[l] = prediction(*linear[l - 1], fx[l - 1]);
        for (size_t l = 1; l < L; ++l) eps[l] = x[l] - mu[l];
        // END EXERCISE
        step_sizes_.push_back(std::sqrt(squared / B));
    }

    // W_l.grad = -eps_l f(x_{l-1})^T / B, b_l.grad = -sum_b eps_l / B
    for (size_t l = 1; l <= L; ++l) {
        linear[l - 1]->W.grad = -eps[l] * fx[l - 1].transpose() / B;
        linear[l - 1]->b.grad = -eps[l].rowwise().sum() / B;
    }
}

}  // namespace pl
