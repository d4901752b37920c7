// Difference target propagation (Lee et al. 2015): hidden layers move toward targets sent down by learned
// inverses, hhat_{l-1} = h_{l-1} + g_l(hhat_l) - g_l(h_l); the inverses take their own SGD step in backward.
#pragma once
#include <vector>
#include "engine/learning_rule.h"
#include "engine/rng.h"

namespace pl {

// Defaults measured on MNIST, 784-256-256-10 tanh + Adam 0.002: 94.0-94.3% test in 10 epochs. Use tanh or
// sigmoid: with ReLU the inverses' differences vanish and layer 1's update ends up orthogonal to BP's.
struct DtpOptions {
    double noise_sd = 0.1;    // eps ~ N(0, noise_sd^2) added to h_{l-1} when the inverses train
    double inverse_lr = 0.1;  // SGD rate of the inverses on L_rec (mean over the batch)
    double top_lr = 0.1;      // hhat_{L-1} = h_{L-1} - top_lr * dL_b/dh_{L-1}, L_b the loss of one sample
};

// Net: h_0 = x, h_l = f(W_l h_{l-1} + b_l) for l < L, output W_L h_{L-1} + b_L. The inverses
// g_l(h) = f(V_l h + c_l), l = 2..L-1, map h_l -> h_{l-1}; V_l ~ N(0, 1 / size(h_l)) from `rng`, c_l = 0;
// the training noise comes from the rule's own generator, seeded from `rng`.
class DifferenceTargetProp : public LearningRule {
public:
    DifferenceTargetProp(const Mlp& net, Rng& rng, DtpOptions options = {});
    std::string name() const override { return "dtp"; }
    void backward(Mlp& net, const Mat& grad_out) override;
    // backward() in two parts of one unit each: the layers' grads (their local losses), then the inverses'
    // SGD step on the same layer inputs
    bool backward_steps(Mlp& net, const Mat& grad_out, int steps) override;
    // hhat_l, l = 1..L-1 (entry 0 empty), from the net's last forward pass and dL/d(output) = grad_out
    std::vector<Mat> targets(Mlp& net, const Mat& grad_out) const;
    // Mean over units and samples of (g_l(f_l(h_{l-1} + eps)) - (h_{l-1} + eps))^2, for g_2, g_3, ...,
    // measured in the last backward() before the inverses' step; empty for nets with one hidden layer.
    std::vector<double> reconstruction_errors() const { return reconstruction_errors_; }
    std::map<std::string, double> diagnostics() const override;  // reconstruction_error_l2, _l3, ...
    const DtpOptions& options() const { return options_; }
    const Mat& inverse_weights(size_t l) const { return V_.at(l); }  // V_l of g_l, l = 2..L-1
    const Mat& inverse_biases(size_t l) const { return c_.at(l); }   // c_l of g_l

private:
    void set_grads(Mlp& net, const Mat& grad_out);
    void train_inverses(Mlp& net);

    DtpOptions options_;
    bool grads_set_ = false;  // backward_steps() is between its two parts
    Rng rng_;
    std::vector<Mat> V_, c_;  // V_[l], c_[l] for l = 2..L-1 (entries 0 and 1 unused)
    std::vector<double> reconstruction_errors_;
};

}  // namespace pl
