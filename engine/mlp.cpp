// Multilayer perceptron: Linear, Activation, ..., Linear.
#include "engine/mlp.h"

namespace pl {

Mlp::Mlp(const std::vector<int>& sizes, ActivationKind hidden, Rng& rng, double init_scale) {
    const int n_linear = int(sizes.size()) - 1;
    for (int i = 0; i < n_linear; ++i) {
        add(std::make_unique<Linear>(sizes[i], sizes[i + 1], rng, init_scale, i + 1));
        if (i + 1 < n_linear) add(std::make_unique<Activation>(hidden));
    }
}

// a_0 = x, a_l = layer_l(a_{l-1})
Mat Mlp::forward(const Mat& x, bool training) {
    Mat a = x;
    for (auto& layer : layers) a = layer->forward(a, training);
    return a;
}

Mat Mlp::infer(const Mat& x) {
    Mat a = x;
    for (auto& layer : layers) a = layer->infer(a);
    return a;
}

// g_{l-1} = layer_l.backward(g_l), from the output down to the input (or to the lowest trained layer)
Mat Mlp::backward(const Mat& grad_out, InputGrad dx) {
    size_t lowest = 0;  // layers below the lowest one with parameters only pass dL/dx on
    if (dx == InputGrad::Skip)
        while (lowest + 1 < layers.size() && layers[lowest]->params().empty()) ++lowest;
    Mat g = grad_out;
    for (size_t l = layers.size(); l-- > lowest;) {
        auto* linear = dynamic_cast<Linear*>(layers[l].get());
        if (l == lowest && linear) return linear->backward(g, dx);
        g = layers[l]->backward(g);
    }
    return g;
}

std::vector<Param*> Mlp::params() {
    std::vector<Param*> all;
    for (auto& layer : layers)
        for (Param* p : layer->params()) all.push_back(p);
    return all;
}

std::vector<Linear*> Mlp::linears() {
    std::vector<Linear*> result;
    for (auto& layer : layers)
        if (auto* linear = dynamic_cast<Linear*>(layer.get())) result.push_back(linear);
    return result;
}

}  // namespace pl
