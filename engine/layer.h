// A layer with an explicit forward and backward pass (no autograd). forward() caches what backward()
// needs; backward() takes dL/d(output), sets every parameter's grad and returns dL/d(input).
#pragma once
#include <string>
#include <vector>
#include "engine/tensor.h"

namespace pl {

struct Param {
    std::string name;  // "W1", "b1", ...
    Mat value;
    Mat grad;  // same shape as value, set by backward()
};

class Layer {
public:
    virtual ~Layer() = default;
    virtual std::string name() const = 0;
    virtual Mat forward(const Mat& x, bool training) = 0;
    // forward(x, false)'s output, changing nothing backward() reads: a prediction made between a training
    // forward and its backward (the page's drawing pad between two steps of one update) leaves that update.
    virtual Mat infer(const Mat& x) = 0;
    virtual Mat backward(const Mat& grad_out) = 0;
    virtual std::vector<Param*> params() { return {}; }
    virtual std::vector<Mat*> buffers() { return {}; }  // state that is not trained (batch-norm statistics)
};

}  // namespace pl
