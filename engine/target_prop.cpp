// Difference target propagation: targets through learned inverses, local layer losses, inverse training.
#include "engine/target_prop.h"
#include <cmath>
#include <stdexcept>
#include "engine/mlp_parts.h"
#include "engine/random_matrix.h"

namespace pl {

// y = f(W x + b), with f the nonlinearity `kind`
static Mat affine_then(ActivationKind kind, const Mat& W, const Mat& b, const Mat& x) {
    return Activation(kind).forward((W * x).colwise() + b.col(0), false);
}

DifferenceTargetProp::DifferenceTargetProp(const Mlp& net, Rng& rng, DtpOptions options)
    : options_(options), rng_(rng.next()) {
    const std::vector<int> sizes = layer_sizes(net);  // size(h_l) = sizes[l]
    const size_t L = sizes.size() - 1;                // number of weight layers
    V_.resize(L);
    c_.resize(L);
    for (size_t l = 2; l < L; ++l) {
        V_[l] = normal_matrix(rng, sizes[l - 1], sizes[l], 1.0 / std::sqrt(double(sizes[l])));
        c_[l] = Mat::Zero(sizes[l - 1], 1);
    }
}

// hhat_{L-1} = h_{L-1} - top_lr B W_L^T grad_out (B grad_out = dL_b/d(output), one sample's loss), then
// hhat_{l-1} = h_{l-1} + g_l(hhat_l) - g_l(h_l) for l = L-1 .. 2, with g_l(h) = f_{l-1}(V_l h + c_l)
std::vector<Mat> DifferenceTargetProp::targets(Mlp& net, const Mat& grad_out) const {
    std::vector<Linear*> linear = net.linears();  // linear[l - 1] holds W_l, b_l; linear[l]->input() is h_l
    std::vector<Activation*> act = activations(net);
    const size_t L = linear.size();
    if (V_.size() != L) throw std::invalid_argument("DifferenceTargetProp: the net differs from its own");
    std::vector<Mat> target(L);  // target[l] = hhat_l
    // EXERCISE target-prop.difference_target: The difference targets of DTP (3 points)
    // HINT: h_l is linear[l]->input(); g_l(h) = affine_then(act[l - 2]->kind(), V_[l], c_[l], h).
    // HINT: B grad_out (B = the batch size) is dL_b/d(output), the gradient of one sample's loss.
    // HINT: the top target hhat_{L-1} steps h_{L-1} down that gradient, by options_.top_lr.
    // HINT: go down from l = L-1 to 2: hhat_{l-1} needs hhat_l; the difference cancels g_l's own error.
    const double B = double(grad_out.cols());
    auto h = [&](size_t l) -> const Mat& { return linear[l]->input(); };  // h_l, h_0 = x
    auto inverse = [&](size_t l, const Mat& h_l) {                        // g_l(h_l)
        return affine_then(act[l - 2]->kind(), V_[l], c_[l], h_l);
    };
    target[L - 1] = h(L - 1) - options_.top_lr * B * (linear[L - 1]->W.value.transpose() * grad_out);
    for (size_t l = L - 1; l >= 2; --l) target[l - 1] = h(l - 1) + inverse(l, target[l]) - inverse(l, h(l));
    // END EXERCISE
    return target;
}

void DifferenceTargetProp::backward(Mlp& net, const Mat& grad_out) {
    set_grads(net, grad_out);
    train_inverses(net);
}

bool DifferenceTargetProp::backward_steps(Mlp& net, const Mat& grad_out, int steps) {
    if (!grads_set_) {
        set_grads(net, grad_out);
        grads_set_ = true;
        if (steps < 2) return false;
    }
    train_inverses(net);
    grads_set_ = false;
    return true;
}

void DifferenceTargetProp::set_grads(Mlp& net, const Mat& grad_out) {
    std::vector<Linear*> linear = net.linears();  // linear[l - 1] holds W_l, b_l; linear[l]->input() is h_l
    std::vector<Activation*> act = activations(net);
    const std::vector<Mat> target = targets(net, grad_out);  // target[l] = hhat_l
    const size_t L = linear.size();
    const double B = double(grad_out.cols());
    linear[L - 1]->backward(grad_out, InputGrad::Skip);  // output layer: its ordinary gradient
    // hidden l, loss 1/(2B) sum_b ||h_l - hhat_l||^2: W_l.grad = ((h_l - hhat_l) .* f'(a_l) / B) h_{l-1}^T
    for (size_t l = 1; l < L; ++l)
        linear[l - 1]->backward(act[l - 1]->backward((linear[l]->input() - target[l]) / B), InputGrad::Skip);
}

// SGD step on L_rec = 1/(2B) sum_b ||g_l(f_l(n)) - n||^2, n = h_{l-1} + eps, eps ~ N(0, sd^2)
void DifferenceTargetProp::train_inverses(Mlp& net) {
    std::vector<Linear*> linear = net.linears();
    std::vector<Activation*> act = activations(net);
    auto h = [&](size_t l) -> const Mat& { return linear[l]->input(); };  // h_l, h_0 = x
    auto kind = [&](size_t l) { return act[l - 1]->kind(); };             // f of hidden layer l
    const size_t L = linear.size();
    const double B = double(h(0).cols());
    reconstruction_errors_.clear();
    for (size_t l = 2; l < L; ++l) {
        const Mat noisy =
            h(l - 1) + normal_matrix(rng_, int(h(l - 1).rows()), int(h(l - 1).cols()), options_.noise_sd);
        const Mat up = affine_then(kind(l), linear[l - 1]->W.value, linear[l - 1]->b.value, noisy);
        Activation g(kind(l - 1));
        const Mat residual = g.forward((V_[l] * up).colwise() + c_[l].col(0), true) - noisy;
        const Mat delta = g.backward(residual) / B;  // dL_rec/d(V_l up + c_l)
        V_[l] -= options_.inverse_lr * delta * up.transpose();
        c_[l] -= options_.inverse_lr * delta.rowwise().sum();
        reconstruction_errors_.push_back(residual.array().square().mean());
    }
}

std::map<std::string, double> DifferenceTargetProp::diagnostics() const {
    std::map<std::string, double> values;  // reconstruction_errors_[i] is g_{i+2}'s
    for (size_t i = 0; i < reconstruction_errors_.size(); ++i)
        values["reconstruction_error_l" + std::to_string(i + 2)] = reconstruction_errors_[i];
    return values;
}

}  // namespace pl
