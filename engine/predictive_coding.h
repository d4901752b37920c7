// Predictive coding (Whittington & Bogacz 2017) on pre-activations: value nodes x_l relax to explain the fixed
// output error, then every layer learns from its own prediction error eps_l = x_l - (W_l f(x_{l-1}) + b_l).
#pragma once
#include <vector>
#include "engine/learning_rule.h"

namespace pl {

// x_0 = input (f(x_0) = x_0), x_l = hidden pre-activations starting at the forward pass, eps_L = -B grad_out fixed
// (one sample's output error). Step: x_l += rate (-eps_l + f'(x_l) .* W_{l+1}^T eps_{l+1}), then W_l.grad =
// -eps_l f(x_{l-1})^T / B, b_l.grad = -sum eps_l / B: BP's batch mean when the errors settle (0 steps: top only).
class PredictiveCoding : public LearningRule {
public:
    explicit PredictiveCoding(int inference_steps = 20, double inference_rate = 0.1)
        : inference_steps(inference_steps), inference_rate(inference_rate) {}
    std::string name() const override { return "pc"; }
    void backward(Mlp& net, const Mat& grad_out) override;
    // sqrt(sum_l ||x_l step||^2 / B) at each inference step of the last backward(): falls as the nodes settle
    const std::vector<double>& step_sizes() const { return step_sizes_; }

    int inference_steps;
    double inference_rate;

private:
    std::vector<double> step_sizes_;
};

}  // namespace pl
