// The public tests of Lab 3's exercises (engine/bayes_linear.cpp): the reparameterised sample, its gradient,
// the closed-form KL and its gradient, on a 3 x 4 tensor of Gaussian weights drawn from the probe stream.
#include <cmath>
#include "engine/bayes_linear.h"
#include "engine/math.h"
#include "engine/random_matrix.h"
#include "engine/random_streams.h"
#include "labs/exercise.h"

namespace pl {

namespace {

constexpr double kPriorSd = 0.8;  // the prior N(0, 0.8^2) of the KL probes

// q = N(mu, softplus(rho)^2) over 3 x 4 weights: mu ~ N(0, 1), rho ~ N(-1, 1) (sigma ~ 0.1 .. 1.3), eps ~
// N(0, 1)
GaussianWeights probe_weights(Rng& rng) {
    GaussianWeights w;
    w.mu = {"mu", normal_matrix(rng, 3, 4, 1.0), Mat::Zero(3, 4)};
    w.rho = {"rho", (normal_matrix(rng, 3, 4, 1.0).array() - 1).matrix(), Mat::Zero(3, 4)};
    w.eps = normal_matrix(rng, 3, 4, 1.0);
    return w;
}

std::vector<ProbeOutput> weight_sample(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    const GaussianWeights w = probe_weights(rng);
    return {{"w", w.sample(), 1e-12,
             "w = mu + sigma .* eps with sigma = softplus(rho): did you use rho itself?"}};
}

std::vector<ProbeOutput> sample_gradient(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    GaussianWeights w = probe_weights(rng);
    w.set_grads(normal_matrix(rng, 3, 4, 1.0));  // dL/dw
    return {
        {"dL/dmu", w.mu.grad, 1e-12, "dw/dmu = 1: dL/dmu is dL/dw itself"},
        {"dL/drho", w.rho.grad, 1e-12,
         "dL/drho = dL/dw .* eps .* sigmoid(rho): did you multiply by sigma instead of sigmoid(rho)?"},
    };
}

std::vector<ProbeOutput> gaussian_kl(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    const GaussianWeights w = probe_weights(rng);
    GaussianWeights at_prior = w;  // q = the prior: mu = 0, softplus(rho) = prior sd
    at_prior.mu.value.setZero();
    at_prior.rho.value.setConstant(pl::log(pl::expm1(kPriorSd)));
    return {
        {"KL(q || N(0, 0.8^2))", Mat::Constant(1, 1, w.kl(kPriorSd)), 1e-9,
         "sum over the weights of log(p / sigma) + (sigma^2 + mu^2) / (2 p^2) - 1/2: did you mix up sd and "
         "variance?"},
        {"KL(q || N(0, 2^2))", Mat::Constant(1, 1, w.kl(2.0)), 1e-9,
         "the prior's sd p enters as log(p) and p^2: did you fix the prior at 1?"},
        {"KL of q = the prior", Mat::Constant(1, 1, at_prior.kl(kPriorSd)), 1e-9,
         "the KL of two equal Gaussians is 0: did you leave out the -1/2 per weight?"},
    };
}

std::vector<ProbeOutput> kl_gradient(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    GaussianWeights w = probe_weights(rng);
    w.mu.grad = normal_matrix(rng, 3, 4, 1.0);  // the data term's gradient, already there
    w.rho.grad = normal_matrix(rng, 3, 4, 1.0);
    w.add_kl_grad(kPriorSd);
    return {
        {"dL/dmu (data term + dKL/dmu)", w.mu.grad, 1e-12,
         "dKL/dmu = mu / p^2, added (+=) to the data term already in mu.grad"},
        {"dL/drho (data term + dKL/drho)", w.rho.grad, 1e-12,
         "dKL/drho = (-1/sigma + sigma/p^2) sigmoid(rho), added (+=): did you forget dsigma/drho = "
         "sigmoid(rho)?"},
    };
}

}  // namespace

std::vector<ExerciseProbe> bayes_by_backprop_exercise_probes() {
    return {
        {"bayes-by-backprop.weight_sample", "3 x 4 weights", weight_sample},
        {"bayes-by-backprop.sample_gradient", "3 x 4 weights", sample_gradient},
        {"bayes-by-backprop.gaussian_kl", "3 x 4 weights, priors N(0, 0.8^2) and N(0, 2^2)", gaussian_kl},
        {"bayes-by-backprop.kl_gradient", "3 x 4 weights, prior N(0, 0.8^2)", kl_gradient},
    };
}

}  // namespace pl
