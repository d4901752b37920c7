// Inverted dropout: in training each unit is kept with probability 1 - rate and scaled by 1 / (1 - rate),
// so E[output] = input; at inference it is the identity. The masks come from the layer's own Rng.
#pragma once
#include "engine/layer.h"
#include "engine/rng.h"

namespace pl {

class Dropout : public Layer {
public:
    Dropout(double rate, uint64_t seed) : rate(rate), rng_(seed) {}
    std::string name() const override { return "Dropout"; }
    Mat forward(const Mat& x, bool training) override;  // training: x .* mask, else x
    Mat infer(const Mat& x) override { return x; }      // the mask stays
    Mat backward(const Mat& grad_out) override;         // g .* mask (g after an inference forward)

    double rate;  // probability of dropping a unit, in [0, 1)

private:
    Rng rng_;
    Mat mask_;  // 0 or 1 / (1 - rate) per entry; empty after an inference forward
};

}  // namespace pl
