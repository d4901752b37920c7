// Fully connected layer y = W x + b, W ~ N(0, init_scale^2 / fan_in), b = 0.
// backward(g, feedback) lets learning rules send the error down through a matrix other than W^T;
// InputGrad::Skip leaves out dL/dx = W^T g (as costly as dL/dW) where nobody uses it: the first layer when
// only training.
#pragma once
#include "engine/layer.h"
#include "engine/rng.h"

namespace pl {

enum class InputGrad { Return, Skip };  // whether a backward pass computes and returns dL/d(input)

class Linear : public Layer {
public:
    Linear(int in, int out, Rng& rng, double init_scale = 1.0, int index = 1);
    std::string name() const override { return "Linear"; }
    Mat forward(const Mat& x, bool training) override;
    Mat infer(const Mat& x) override { return (W.value * x).colwise() + b.value.col(0); }
    Mat backward(const Mat& grad_out) override { return backward(grad_out, InputGrad::Return); }
    Mat backward(const Mat& grad_out, InputGrad dx);  // dW = g x^T, db = sum g; W^T g, or empty if Skip
    Mat backward(const Mat& grad_out, const Mat& feedback);  // same dW, db; returns feedback * g
    std::vector<Param*> params() override { return {&W, &b}; }
    int in() const { return int(W.value.cols()); }
    int out() const { return int(W.value.rows()); }
    const Mat& input() const { return input_; }

    Param W, b;

private:
    Mat input_;
};

}  // namespace pl
