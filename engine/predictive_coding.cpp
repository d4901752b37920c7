// Predictive coding: inference on the value nodes, then local Hebbian-like weight updates.
#include "engine/predictive_coding.h"
#include <climits>
#include <cmath>
#include "engine/mlp_parts.h"

namespace pl {

// mu_l = W_l f(x_{l-1}) + b_l
static Mat prediction(const Linear& layer, const Mat& f_below) {
    return (layer.W.value * f_below).colwise() + layer.b.value.col(0);
}

void PredictiveCoding::backward(Mlp& net, const Mat& grad_out) { backward_steps(net, grad_out, INT_MAX); }

bool PredictiveCoding::backward_steps(Mlp& net, const Mat& grad_out, int steps) {
    if (!in_progress_) begin(net, grad_out);
    for (int done = 0; done < steps && int(step_sizes_.size()) < inference_steps; ++done) inference_step();
    if (int(step_sizes_.size()) < inference_steps) return false;
    set_grads();
    return true;
}

void PredictiveCoding::apply_f(size_t l) {
    Activation f(kinds_[l - 1]);
    fx[l] = f.forward(x[l], true);
    dfx[l] = f.derivative();
}

void PredictiveCoding::begin(Mlp& net, const Mat& grad_out) {
    linear = net.linears();
    kinds_.clear();
    for (Activation* a : activations(net)) kinds_.push_back(a->kind());
    const size_t L = linear.size();
    batch_ = double(grad_out.cols());
    x.assign(L, Mat()), fx.assign(L, Mat()), dfx.assign(L, Mat()), mu.assign(L, Mat());
    eps.assign(L + 1, Mat());
    fx[0] = linear[0]->input();  // x_0 is clamped to the input
    for (size_t l = 1; l < L; ++l) {
        mu[l] = prediction(*linear[l - 1], fx[l - 1]);
        x[l] = mu[l];  // the forward pass: every eps_l = 0
        apply_f(l);
        eps[l] = Mat::Zero(x[l].rows(), x[l].cols());
    }
    eps[L] = -batch_ * grad_out;  // eps_L = -dL_b/d(output), fixed
    step_sizes_.clear();
    in_progress_ = true;
}

// One step: x_l += rate (-eps_l + f'(x_l) .* W_{l+1}^T eps_{l+1}) for every hidden l, then f(x_l), then
// mu_l = W_l f(x_{l-1}) + b_l (mu_1 stays: x_0 is clamped) and eps_l = x_l - mu_l
void PredictiveCoding::inference_step() {
    double squared = 0;  // sum over l of ||x_l's change||^2
    // EXERCISE target-prop.pc_inference_step: One inference step of predictive coding (3 points)
    // HINT: move every hidden x_l (l = 1..L-1) first, from the old eps; linear[l]->W.value is W_{l+1}.
    // HINT: then apply_f(l) (new f(x_l), f'(x_l)), prediction() for mu_l, and eps_l = x_l - mu_l.
    // HINT: add each ||change of x_l||^2 to squared; eps_L (the output error) stays fixed.
    const size_t L = linear.size();
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
    step_sizes_.push_back(std::sqrt(squared / batch_));
}

// W_l.grad = -eps_l f(x{l-1})^T / B, b_l.grad = -sum_b eps_l / B
void PredictiveCoding::set_grads() {
    for (size_t l = 1; l <= linear.size(); ++l) {
        linear[l - 1]->W.grad = -eps[l] * fx[l - 1].transpose() / batch_;
        linear[l - 1]->b.grad = -eps[l].rowwise().sum() / batch_;
    }
    in_progress_ = false;
}

}  // namespace pl
