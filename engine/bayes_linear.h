// Bayes-by-Backprop layer (Blundell et al. 2015): every weight and bias has q = N(mu, sigma^2), sigma =
// softplus(rho); forward draws w = mu + sigma * eps, eps ~ N(0, 1); backward gives dL/dmu and dL/drho through
// that reparameterisation.
#pragma once
#include <cstdint>
#include "engine/layer.h"
#include "engine/rng.h"

namespace pl {

// One tensor of weights under a diagonal Gaussian q(w) = N(mu, softplus(rho)^2).
struct GaussianWeights {
    Param mu, rho;
    Mat eps;  // the noise of the last draw

    Mat sigma() const;                  // softplus(rho) = log(1 + e^rho)
    Mat dsigma_drho() const;            // softplus'(rho) = sigmoid(rho) = 1 / (1 + e^-rho)
    Mat sample() const;                 // w = mu + sigma .* eps
    void set_grads(const Mat& dL_dw);   // dL/dmu = dL/dw, dL/drho = dL/dw .* eps .* sigmoid(rho)
    double kl(double prior_sd) const;   // sum of KL(N(mu, sigma^2) || N(0, prior_sd^2)), closed form
    void add_kl_grad(double prior_sd);  // grads += dKL/dmu, dKL/drho
};

class BayesLinear : public Layer {
public:
    // mu_W ~ N(0, init_scale^2 / fan_in), mu_b = 0, sigma = sigma_init everywhere; eps drawn from
    // Rng(noise_seed).
    BayesLinear(int in, int out, Rng& init_rng, double init_scale, double sigma_init, uint64_t noise_seed,
                int index = 1);
    std::string name() const override { return "BayesLinear"; }
    Mat forward(const Mat& x, bool training) override;  // draws eps (unless fixed_eps), then y = W x + b
    Mat infer(const Mat& x) override;                   // forward's draw; the last forward's eps stay
    Mat backward(const Mat& grad_out) override;         // the data term's grads of mu and rho; returns W^T g
    std::vector<Param*> params() override { return {&W.mu, &W.rho, &b.mu, &b.rho}; }
    double kl(double prior_sd) const { return W.kl(prior_sd) + b.kl(prior_sd); }
    void add_kl_grad(double prior_sd);

    GaussianWeights W, b;
    bool fixed_eps = false;  // forward reuses the last eps (checks against finite differences)
    Rng noise;               // draws eps

private:
    Mat input_, W_sample_;
};

}  // namespace pl
