// A multilayer perceptron as a list of layers: Linear, Activation, ..., Linear (output is linear).
// forward() caches every layer's input, so a LearningRule can then fill the gradients.
#pragma once
#include <memory>
#include <vector>
#include "engine/activation.h"
#include "engine/layer.h"
#include "engine/linear.h"

namespace pl {

class Mlp {
public:
    Mlp() = default;
    // sizes = {in, hidden..., out}; every hidden Linear is followed by `hidden` activation.
    Mlp(const std::vector<int>& sizes, ActivationKind hidden, Rng& rng, double init_scale = 1.0);
    Mat forward(const Mat& x, bool training = false);
    // forward(x, false)'s output through every layer's infer(): what backward() reads stays as it was
    Mat infer(const Mat& x);
    // After forward(): every param's grad from dL/d(out); returns dL/dx, or with InputGrad::Skip stops at the
    // lowest layer with parameters and leaves out its dL/dx (an empty Mat when that layer is a Linear).
    Mat backward(const Mat& grad_out, InputGrad dx = InputGrad::Return);
    std::vector<Param*> params();
    std::vector<Linear*> linears();  // the weight layers, input to output
    void add(std::unique_ptr<Layer> layer) { layers.push_back(std::move(layer)); }

    std::vector<std::unique_ptr<Layer>> layers;
};

}  // namespace pl
