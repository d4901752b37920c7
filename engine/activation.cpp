// Element-wise nonlinearities y = f(x) and their derivatives f'(x).
#include "engine/activation.h"
#include "engine/math.h"

namespace pl {

const Table<ActivationKind>& activation_table() {
    static const Table<ActivationKind> table(
        "activation", {
                          {"relu", "max(x, 0)", ActivationKind::ReLU},
                          {"tanh", "tanh(x)", ActivationKind::Tanh},
                          {"sigmoid", "1 / (1 + e^-x)", ActivationKind::Sigmoid},
                          {"identity", "x: a linear network", ActivationKind::Identity},
                      });
    return table;
}

const char* activation_name(ActivationKind k) {
    for (const TableEntry<ActivationKind>& e : activation_table().entries())
        if (e.value == k) return e.name.c_str();
    return "unknown";
}

Mat Activation::forward(const Mat& x, bool /*training*/) {
    input_ = x;
    output_ = infer(x);
    return output_;
}

Mat Activation::infer(const Mat& x) {
    switch (kind_) {
        case ActivationKind::Sigmoid:
            return 1.0 / (1.0 + pl::exp(-x.array()));  // 1 / (1 + e^-x)
        case ActivationKind::Tanh:
            return pl::tanh(x.array());
        case ActivationKind::ReLU:
            return x.cwiseMax(0.0);  // max(x, 0)
        case ActivationKind::Identity:
            return x;
    }
    return Mat();
}

Mat Activation::derivative() const {
    switch (kind_) {
        case ActivationKind::Sigmoid:
            return output_.array() * (1.0 - output_.array());  // s (1 - s)
        case ActivationKind::Tanh:
            return 1.0 - output_.array().square();  // 1 - tanh^2
        case ActivationKind::ReLU:
            return (input_.array() > 0.0).cast<Real>();  // [x > 0]
        case ActivationKind::Identity:
            return Mat::Ones(input_.rows(), input_.cols());
    }
    return Mat();
}

// dL/dx = dL/dy .* f'(x)
Mat Activation::backward(const Mat& grad_out) { return grad_out.cwiseProduct(derivative()); }

}  // namespace pl
