// How the weight updates are computed from the output error: the pluggable backward pass.
// backward() runs after net.forward(x, true) and sets every parameter's grad from dL/d(output).
#pragma once
#include <string>
#include "engine/mlp.h"

namespace pl {

class LearningRule {
public:
    virtual ~LearningRule() = default;
    virtual std::string name() const = 0;
    virtual void backward(Mlp& net, const Mat& grad_out) = 0;
};

// Exact gradient: delta_l = W_{l+1}^T delta_{l+1} .* f'(a_l), layer by layer from the top.
class Backprop : public LearningRule {
public:
    std::string name() const override { return "bp"; }
    void backward(Mlp& net, const Mat& grad_out) override;
};

}  // namespace pl
