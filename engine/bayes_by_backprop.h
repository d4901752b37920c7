// Bayes by Backprop on an Mlp of BayesLinear layers: the objective F = (N/B) sum_b NLL_b + KL(q || prior)
// (the negative ELBO) with one weight sample per batch, its gradient, and predictions from many weight
// samples.
#pragma once
#include <vector>
#include "engine/bayes_linear.h"
#include "engine/loss.h"
#include "engine/mlp.h"

namespace pl {

struct ElboTerms {
    double nll = 0;  // (N/B) sum_b NLL_b: the expected NLL of all N training points, one weight sample
    double kl = 0;   // sum over every weight of KL(q(w) || N(0, prior_sd^2))
    double loss() const { return nll + kl; }  // the negative ELBO
};

// sizes = {in, hidden..., out}, BayesLinear layers with `hidden` activations between them; layer l draws its
// eps from the run's weight-noise stream with index l (random_stream(seed, Stream::WeightNoise, l)).
Mlp make_bayes_mlp(const std::vector<int>& sizes, ActivationKind hidden, Rng& init_rng, double init_scale,
                   double sigma_init, uint64_t seed);
std::vector<BayesLinear*> bayes_layers(Mlp& net);

// F on the batch (x, y) out of n_train points, one forward pass (which draws the weights, unless fixed_eps).
ElboTerms elbo(Mlp& net, const Loss& nll, const Mat& x, const Mat& y, int n_train, double prior_sd);
// The same, and every grad set to dF/dmu, dF/drho; the network's output on x goes to `output` if given.
ElboTerms elbo_backward(Mlp& net, const Loss& nll, const Mat& x, const Mat& y, int n_train, double prior_sd,
                        Mat* output = nullptr);

// f(x; w_s) for s = 1..samples, a fresh weight sample each: samples x points (one output unit).
Mat sample_functions(Mlp& net, const Mat& x, int samples);

}  // namespace pl
