// How the weight updates are computed from the output error: the pluggable backward pass.
// backward() runs after net.forward(x, true) and sets every parameter's grad from dL/d(output).
#pragma once
#include <map>
#include <string>
#include <vector>
#include "engine/mlp.h"

namespace pl {

// The matrix a hidden layer's error arrives through, and the forward map it stands in for: BP sends
// delta_l = W_{l+1}^T delta_{l+1} (feedback = forward^T); FA sends B_{l+1} delta_{l+1} instead.
struct FeedbackPath {
    Mat feedback;  // size(h_l) x size of the layer the error comes from
    Mat forward;   // from h_l to that layer: W_{l+1}, or W_L ... W_{l+1} for DFA
};

class LearningRule {
public:
    virtual ~LearningRule() = default;
    virtual std::string name() const = 0;
    // May also train the rule's own state (DTP's inverses, Kolen-Pollack's B).
    virtual void backward(Mlp& net, const Mat& grad_out) = 0;
    // backward() in parts of at most `steps` units of work, so none takes longer than a frame: called again
    // with the same arguments until it returns true, the grads then set as backward() sets them. The default
    // does all of backward() at once; predictive coding runs `steps` inference steps per call.
    virtual bool backward_steps(Mlp& net, const Mat& grad_out, int steps) {
        (void)steps;
        backward(net, grad_out);
        return true;
    }
    // One path per hidden layer h_1 .. h_{L-1}; empty for rules whose error does not travel through
    // matrices (DTP's inverses are nonlinear, predictive coding relaxes value nodes).
    virtual std::vector<FeedbackPath> feedback_paths(Mlp& /*net*/) const { return {}; }
    // The rule's own measurements in its last backward(), by metric name, e.g. DTP's
    // "reconstruction_error_l2"; empty for rules without any.
    virtual std::map<std::string, double> diagnostics() const { return {}; }
};

// Exact gradient: delta_l = W_{l+1}^T delta_{l+1} .* f'(a_l), layer by layer from the top.
class Backprop : public LearningRule {
public:
    std::string name() const override { return "bp"; }
    void backward(Mlp& net, const Mat& grad_out) override;
    std::vector<FeedbackPath> feedback_paths(Mlp& net) const override;  // W_{l+1}^T
};

}  // namespace pl
