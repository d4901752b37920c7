// Shared by the learning-rule unit tests: every parameter's grad after a rule ran on one batch, and
// full-batch training with a rule.
#pragma once
#include <vector>
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/optimizer.h"

namespace pl {

inline std::vector<Mat> grads_of(LearningRule& rule, Mlp& net, const Mat& x, const Mat& grad_out) {
    net.forward(x, true);
    rule.backward(net, grad_out);
    std::vector<Mat> grads;
    for (Param* p : net.params()) grads.push_back(p->grad);
    return grads;
}

// `steps` updates of net on the whole of (x, y): forward, the rule's backward, the optimizer's step.
inline void train_full_batch(LearningRule& rule, Mlp& net, Optimizer& optimizer, const Loss& loss,
                             const Mat& x, const Mat& y, int steps) {
    for (int step = 0; step < steps; ++step) {
        const Mat out = net.forward(x, true);
        rule.backward(net, loss.grad(out, y));
        optimizer.step(net.params());
    }
}

}  // namespace pl
