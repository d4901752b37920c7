// Element-wise nonlinearities y = f(x) and their derivatives f'(x).
#include "engine/activation.h"

namespace pl {

const char* activation_name(ActivationKind k) {
    switch (k) {
        case ActivationKind::Sigmoid:
            return "sigmoid";
        case ActivationKind::Tanh:
            return "tanh";
        case ActivationKind::ReLU:
            return "relu";
        case ActivationKind::Identity:
            return "identity";
    }
    return "unknown";
}

Mat Activation::forward(const Mat& x, bool /*training*/) {
    input_ = x;
    switch (kind_) {
        case ActivationKind::Sigmoid:
            output_ = 1.0 / (1.0 + (-x.array()).exp());
            break;  // 1 / (1 + e^-x)
        case ActivationKind::Tanh:
            output_ = x.array().tanh();
            break;
        case ActivationKind::ReLU:
            output_ = x.cwiseMax(0.0);
            break;  // max(x, 0)
        case ActivationKind::Identity:
            output_ = x;
            break;
    }
    return output_;
}

Mat Activation::derivative() const {
    switch (kind_) {
        case ActivationKind::Sigmoid:
            return output_.array() * (1.0 - output_.array());  // s (1 - s)
        case ActivationKind::Tanh:
            return 1.0 - output_.array().square();  // 1 - tanh^2
        case ActivationKind::ReLU:
            return (input_.array() > 0.0).cast<double>();  // [x > 0]
        case ActivationKind::Identity:
            return Mat::Ones(input_.rows(), input_.cols());
    }
    return Mat();
}

// dL/dx = dL/dy .* f'(x)
Mat Activation::backward(const Mat& grad_out) { return grad_out.cwiseProduct(derivative()); }

}  // namespace pl
