// Shared by the learning-rule unit tests: every parameter's grad after a rule ran on one batch.
#pragma once
#include <vector>
#include "engine/learning_rule.h"

namespace pl {

inline std::vector<Mat> grads_of(LearningRule& rule, Mlp& net, const Mat& x, const Mat& grad_out) {
    net.forward(x, true);
    rule.backward(net, grad_out);
    std::vector<Mat> grads;
    for (Param* p : net.params()) grads.push_back(p->grad);
    return grads;
}

}  // namespace pl
