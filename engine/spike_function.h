// The spike nonlinearity of a spiking layer: Heaviside forward, a surrogate derivative (from a table that
// refuses unknown names) backward, on v = (U - theta) / (theta - U_rest), the distance to threshold in gaps.
#pragma once
#include "engine/table.h"
#include "engine/tensor.h"

namespace pl {

// dS/dv of every element of v for a steepness k (beta of the fast sigmoid, k of the logistic).
using SurrogateGrad = Mat (*)(const Mat& v, double steepness);

Mat fast_sigmoid_grad(const Mat& v, double beta);  // 1 / (beta |v| + 1)^2 (SpyTorch, beta 10 or 100)
Mat logistic_grad(const Mat& v, double k);  // 4 s(kv) (1 - s(kv)): peak 1 at v = 0 like the fast sigmoid
Mat zero_grad(const Mat& v, double);        // 0: the true derivative of the Heaviside almost everywhere

// "fast-sigmoid", "logistic", "none" (the lab's `surrogate` choices, in this order)
const Table<SurrogateGrad>& surrogate_table();

// How a layer turns v into spikes and differentiates them: the training-side choices of every neuron model.
struct SpikeFunction {
    SurrogateGrad surrogate = fast_sigmoid_grad;
    double steepness = 10;  // beta of FastSigmoid, k of Logistic
    bool spiking = true;    // false: never spikes (S = 0, no reset), a leaky-integrator read-out (SpyTorch)
    bool detach_reset = true;  // true: the reset's dependence on S is not differentiated (SpyTorch)
    bool smooth = false;       // test only: S = s(kv) forward and its exact derivative k s (1 - s) backward

    Mat spikes(const Mat& v) const;  // S = Heaviside(v): 1 where v > 0 (SpyTorch: out[v > 0] = 1)
    Mat grad(const Mat& v) const;    // dS/dv: the surrogate (or the smooth stand-in's exact derivative)
    // spikes() of one element, inline for the layers' time loops
    double spike_at(double v) const {
        if (!spiking) return 0;
        if (smooth) return smooth_spike(v);
        return v > 0 ? 1 : 0;  // Heaviside(v)
    }
    // s(kv) = 1 / (1 + e^-kv); out of line, so a compiler does not compute it for every element of a loop
    // whose spikes are Heaviside's (as wasm's did: exp was 9% of a Lab 5 epoch)
    double smooth_spike(double v) const;
};

}  // namespace pl
