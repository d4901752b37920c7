// Predictive coding (Whittington & Bogacz 2017) on pre-activations: value nodes x_l relax to explain the
// fixed output error, then each layer learns from its prediction error eps_l = x_l - (W_l f(x_{l-1}) + b_l).
#pragma once
#include <vector>
#include "engine/learning_rule.h"

namespace pl {

// x_0 = input (f(x_0) = x_0); hidden x_l start at the forward pass's pre-activations; eps_L = -B grad_out
// (one sample's output error) stays fixed. Step: x_l += rate (-eps_l + f'(x_l) .* W_{l+1}^T eps_{l+1}).
// Then W_l.grad = -eps_l f(x_{l-1})^T / B, b_l.grad = -sum eps_l / B: BP's batch mean once settled.
// With 0 steps every hidden eps_l = 0 and only the output layer learns. Inference diverges about
// when rate (1 + ||W_{l+1}||_2^2) > 2: Adam on MNIST grows ||W_2||_2 to ~5, hence the default rate 0.05.
class PredictiveCoding : public LearningRule {
public:
    explicit PredictiveCoding(int inference_steps = 20, double inference_rate = 0.05)
        : inference_steps(inference_steps), inference_rate(inference_rate) {}
    std::string name() const override { return "pc"; }
    void backward(Mlp& net, const Mat& grad_out) override;
    // backward() in parts, the same numbers: the first call sets up the value nodes, each call runs up to
    // `steps` inference steps; the call that runs the last one sets the grads and returns true.
    bool backward_steps(Mlp& net, const Mat& grad_out, int steps) override;
    // sqrt(sum_l ||x_l step||^2 / B) per inference step of the last backward(): falls as the nodes settle,
    // grows if inference diverges
    const std::vector<double>& step_sizes() const { return step_sizes_; }
    // eps_l = x_l - mu_l, l = 1..L (entry 0 empty), as the last backward()'s inference left them
    const std::vector<Mat>& errors() const { return eps; }

    int inference_steps;
    double inference_rate;

private:
    void begin(Mlp& net, const Mat& grad_out);  // the value nodes at the forward pass, eps_L fixed
    void inference_step();
    void apply_f(size_t l);  // f(x_l), f'(x_l)
    void set_grads();

    std::vector<double> step_sizes_;
    // The backward() in progress, named as in the equations: linear[l - 1] holds W_l, b_l; x[l], f(x[l]),
    // f'(x[l]), mu[l] for l = 1..L-1 (fx[0] the clamped input); eps[l] for l = 1..L
    bool in_progress_ = false;
    std::vector<Linear*> linear;
    std::vector<ActivationKind> kinds_;  // kinds_[l - 1]: f of layer l
    std::vector<Mat> x, fx, dfx, mu, eps;
    double batch_ = 0;
};

}  // namespace pl
