// Fully connected layer y = W x + b with its explicit backward pass.
#include "engine/linear.h"
#include <cmath>
#include <stdexcept>
#include <string>

namespace pl {

Linear::Linear(int in, int out, Rng& rng, double init_scale, int index) {
    const std::string number =
        std::to_string(index);  // a named string: "W" + temporary trips g++ 12 -Wrestrict
    W.name = "W" + number;
    b.name = "b" + number;
    // W ~ N(0, init_scale^2 / fan_in), b = 0
    const double sd = init_scale / std::sqrt(double(in));
    W.value.resize(out, in);
    for (Real& w : W.value.reshaped()) w = rng.normal(0.0, sd);
    b.value = Mat::Zero(out, 1);
    W.grad = Mat::Zero(out, in);
    b.grad = Mat::Zero(out, 1);
}

// y = W x + b (b broadcast over the batch columns)
Mat Linear::forward(const Mat& x, bool /*training*/) {
    input_ = x;
    return infer(x);
}

Mat Linear::backward(const Mat& grad_out, InputGrad dx) {
    if (grad_out.cols() != input_.cols() || grad_out.rows() != W.value.rows())  // Eigen checks neither here
        throw std::logic_error("Linear::backward: dL/dy is " + std::to_string(grad_out.rows()) + " x " +
                               std::to_string(grad_out.cols()) + ", the layer's output was " +
                               std::to_string(W.value.rows()) + " x " + std::to_string(input_.cols()) +
                               " in its last forward()");
    // EXERCISE backprop.linear_backward: The linear layer's backward pass (2 points)
    // HINT: g = dL/dy has one column per sample; input_ holds the x of forward().
    // HINT: fill W.grad (shape of W), b.grad (shape of b) and return dL/dx (shape of x);
    // HINT: when dx is InputGrad::Skip, nobody uses dL/dx: return an empty Mat() instead.
    W.grad.noalias() = grad_out * input_.transpose();  // dL/dW = g x^T
    b.grad = grad_out.rowwise().sum();                 // dL/db = sum over the batch of g
    if (dx == InputGrad::Skip) return Mat();
    return W.value.transpose() * grad_out;  // dL/dx = W^T g
    // END EXERCISE
}

// The same dL/dW and dL/db as backward(g); the error goes down through B instead of W^T
Mat Linear::backward(const Mat& grad_out, const Mat& feedback) {
    backward(grad_out, InputGrad::Skip);
    return feedback * grad_out;
}

}  // namespace pl
