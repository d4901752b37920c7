// Spike nonlinearity of the LIF neuron: Heaviside forward, surrogate derivative for backward.
// v = (U - theta) / (theta - U_rest): membrane distance to threshold in units of the threshold gap.
#pragma once

namespace pl {

enum class Surrogate { FastSigmoid, Logistic, None };

double spike(double v);  // S = Heaviside(v): 1 if v > 0 else 0 (SpyTorch: out[v > 0] = 1)

// dS/dv used in backward. FastSigmoid: 1 / (beta |v| + 1)^2 (SpyTorch, beta = steepness, e.g. 10 or 100).
// Logistic: (4/k) * k s(kv)(1 - s(kv)) = 4 s(1 - s), s = 1/(1 + exp(-kv)), k = steepness (course: 20),
// peak 1 at v = 0 like FastSigmoid. None: 0, the true derivative of the Heaviside almost everywhere.
double surrogate_grad(double v, Surrogate kind, double steepness);

// Test-only smooth stand-in for the Heaviside: S = s(kv) forward, and its exact derivative k s (1 - s).
double smooth_spike(double v, double k);
double smooth_spike_grad(double v, double k);

}  // namespace pl
