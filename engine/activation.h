// Element-wise nonlinearity layer: sigmoid, tanh, ReLU or identity; no parameters.
// backward: dL/dx = dL/dy .* f'(x).
#pragma once
#include "engine/layer.h"
#include "engine/table.h"

namespace pl {

enum class ActivationKind { Sigmoid, Tanh, ReLU, Identity };
// relu, tanh, sigmoid, identity (the linear student-teacher's): name, help, kind
const Table<ActivationKind>& activation_table();
const char* activation_name(ActivationKind k);  // its name in activation_table()

class Activation : public Layer {
public:
    explicit Activation(ActivationKind kind) : kind_(kind) {}
    std::string name() const override { return activation_name(kind_); }
    Mat forward(const Mat& x, bool training) override;
    Mat infer(const Mat& x) override;
    Mat backward(const Mat& grad_out) override;
    Mat derivative() const;  // f'(x) at the cached input
    ActivationKind kind() const { return kind_; }

private:
    ActivationKind kind_;
    Mat input_, output_;
};

}  // namespace pl
