// Bayes by Backprop: the closed-form KL against Monte Carlo, its gradient and the reparameterised gradient of
// the negative ELBO against finite differences (fixed eps; Gaussian and softmax NLL), the Gaussian NLL, and
// the sampling of weights.
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include "engine/bayes_by_backprop.h"
#include "engine/gaussian_nll.h"

using namespace pl;

namespace {

Mat random_mat(Rng& rng, int rows, int cols, double sd = 1) {
    Mat m(rows, cols);
    for (double& v : m.reshaped()) v = rng.normal(0.0, sd);
    return m;
}

double rel_error(double a, double b) { return std::abs(a - b) / std::max(std::abs(a) + std::abs(b), 1e-12); }

// A 3 x 4 tensor of weights with means ~ N(0, 1) and sigmas spread over 0.05 .. 1.5.
GaussianWeights some_weights(Rng& rng) {
    BayesLinear layer(4, 3, rng, 3.0, 0.5, 7);
    GaussianWeights w = layer.W;
    for (double& r : w.rho.value.reshaped()) r = std::log(std::expm1(rng.uniform(0.05, 1.5)));
    return w;
}

// Largest relative error of the grads of `params` against central differences of f().
template <class F>
double max_grad_error(const std::vector<Param*>& params, F f) {
    const double h = 1e-5;
    double worst = 0;
    for (Param* p : params)
        for (Eigen::Index k = 0; k < p->value.size(); ++k) {
            double& v = p->value(k);
            const double saved = v;
            v = saved + h;
            const double plus = f();
            v = saved - h;
            const double minus = f();
            v = saved;
            worst = std::max(worst, rel_error(p->grad(k), (plus - minus) / (2 * h)));  // (f(+h) - f(-h)) / 2h
        }
    return worst;
}

}  // namespace

TEST_CASE("bayes: the closed-form KL matches a Monte-Carlo estimate",
          "[bayes][exercise:bayes-by-backprop.gaussian_kl]") {
    Rng rng(3);
    const GaussianWeights w = some_weights(rng);
    const double prior_sd = 0.8;
    // KL = E_q[log q(w) - log p(w)], w = mu + sigma eps: log q - log p = log(p / sigma) - eps^2/2 + w^2 / (2
    // p^2)
    const int samples = 1000000;
    const Eigen::ArrayXd mu = w.mu.value.reshaped(), sigma = w.sigma().reshaped();
    double sum = 0, sum_sq = 0;
    for (int s = 0; s < samples; ++s) {
        const Eigen::ArrayXd eps = random_mat(rng, int(mu.size()), 1).array();
        const Eigen::ArrayXd weights = mu + sigma * eps;
        const double log_ratio = (std::log(prior_sd) - sigma.log() - eps.square() / 2 +
                                  weights.square() / (2 * prior_sd * prior_sd))
                                     .sum();
        sum += log_ratio, sum_sq += log_ratio * log_ratio;
    }
    const double monte_carlo = sum / samples;
    const double standard_error = std::sqrt((sum_sq / samples - monte_carlo * monte_carlo) / samples);
    const double closed_form = w.kl(prior_sd);
    WARN("KL closed form " << closed_form << ", Monte Carlo (1M samples) " << monte_carlo << " +- "
                           << standard_error);
    CHECK(closed_form > 1);  // the weights are far from the prior: a KL of 0 would also pass a loose check
    CHECK(std::abs(closed_form - monte_carlo) < 4 * standard_error);
    CHECK(rel_error(closed_form, monte_carlo) < 2e-3);
}

TEST_CASE("bayes: the KL is zero at the prior and its gradient matches finite differences",
          "[bayes][exercise:bayes-by-backprop.gaussian_kl][exercise:bayes-by-backprop.kl_gradient]") {
    Rng rng(4);
    GaussianWeights w = some_weights(rng);
    w.mu.value.setZero();
    w.rho.value.setConstant(std::log(std::expm1(0.8)));
    CHECK(std::abs(w.kl(0.8)) < 1e-12);

    w = some_weights(rng);
    w.mu.grad.setZero(), w.rho.grad.setZero();
    w.add_kl_grad(0.8);
    CHECK(max_grad_error({&w.mu, &w.rho}, [&] { return w.kl(0.8); }) < 1e-6);
}

TEST_CASE("bayes: the reparameterised gradient of the negative ELBO matches finite differences (fixed eps)",
          "[bayes][exercise:bayes-by-backprop.sample_gradient][exercise:bayes-by-backprop.kl_gradient]") {
    Rng rng(5);
    Mlp net = make_bayes_mlp({1, 8, 8, 1}, ActivationKind::Tanh, rng, 1.0, 0.3, 11);
    const Mat x = random_mat(rng, 1, 6, 2), y = random_mat(rng, 1, 6, 3);
    const GaussianNll nll(1.5);
    const int n_train = 20;  // the batch of 6 stands for 20 points: its NLL is scaled by 20/6
    net.forward(x, true);    // draws eps, then keeps it
    for (BayesLinear* layer : bayes_layers(net)) layer->fixed_eps = true;
    const ElboTerms terms = elbo_backward(net, nll, x, y, n_train, 1.0);
    CHECK(terms.kl > 0);
    const double error =
        max_grad_error(net.params(), [&] { return elbo(net, nll, x, y, n_train, 1.0).loss(); });
    WARN("largest relative error of dF/dmu, dF/drho against finite differences: " << error);
    CHECK(error < 1e-6);
}

TEST_CASE(
    "bayes: with the softmax cross-entropy (Lab 3 task=mnist) the ELBO gradient matches, and the output "
    "is returned",
    "[bayes][exercise:bayes-by-backprop.sample_gradient][exercise:bayes-by-backprop.kl_gradient]") {
    Rng rng(6);
    Mlp net = make_bayes_mlp({5, 7, 3}, ActivationKind::ReLU, rng, 1.0, 0.3, 12);
    const Mat x = random_mat(rng, 5, 4);
    Mat y = Mat::Zero(3, 4);
    for (int i = 0; i < 4; ++i) y(i % 3, i) = 1;  // one-hot labels 0, 1, 2, 0
    const SoftmaxCrossEntropy nll;
    net.forward(x, true);
    for (BayesLinear* layer : bayes_layers(net)) layer->fixed_eps = true;
    Mat out;
    elbo_backward(net, nll, x, y, 100, 0.5, &out);
    CHECK(out.isApprox(net.forward(x, true)));
    const double error = max_grad_error(net.params(), [&] { return elbo(net, nll, x, y, 100, 0.5).loss(); });
    CHECK(error < 1e-6);
}

TEST_CASE("bayes: the sample is mu + softplus(rho) eps and its gradient matches finite differences",
          "[bayes][exercise:bayes-by-backprop.weight_sample][exercise:bayes-by-backprop.sample_gradient]") {
    Rng rng(7);
    GaussianWeights w = some_weights(rng);
    w.eps = random_mat(rng, 3, 4);
    const Mat sigma = (1 + w.rho.value.array().exp()).log().matrix();  // softplus(rho)
    CHECK((w.sample() - (w.mu.value + sigma.cwiseProduct(w.eps))).cwiseAbs().maxCoeff() < 1e-12);
    const Mat R = random_mat(rng, 3, 4);  // L = sum(R .* w): dL/dw = R
    w.set_grads(R);
    CHECK(max_grad_error({&w.mu, &w.rho}, [&] { return R.cwiseProduct(w.sample()).sum(); }) < 1e-6);
}

TEST_CASE("bayes: every forward pass draws new weights unless eps is fixed",
          "[bayes][exercise:bayes-by-backprop.weight_sample]") {
    Rng rng(6);
    BayesLinear layer(3, 2, rng, 1.0, 0.5, 9);
    const Mat x = random_mat(rng, 3, 4);
    const Mat first = layer.forward(x, false), second = layer.forward(x, false);
    CHECK((first - second).norm() > 1e-3);
    layer.fixed_eps = true;
    CHECK(layer.forward(x, false).isApprox(second));
    // The sample is mu + sigma eps: with eps fixed at 0 the layer is the linear map of its means.
    layer.W.eps.setZero(), layer.b.eps.setZero();
    CHECK(layer.forward(x, false).isApprox(layer.W.mu.value * x));
}

TEST_CASE("bayes: the Gaussian NLL is minus the log density of N(o, s^2) at y, and its gradient matches",
          "[bayes]") {
    const GaussianNll nll(2.0);
    Mat out(1, 2), y(1, 2);
    out << 1.0, -0.5;
    y << 2.0, 1.5;
    // -log N(y; o, s^2) = (y - o)^2 / (2 s^2) + log s + log(2 pi) / 2, averaged over the two samples
    const double expected =
        ((1.0 + 4.0) / 8 + 2 * (std::log(2.0) + 0.5 * std::log(2 * std::numbers::pi))) / 2;
    CHECK(nll.value(out, y) == Approx(expected));
    Param o{"out", out, nll.grad(out, y)};
    CHECK(max_grad_error({&o}, [&] { return nll.value(o.value, y); }) < 1e-6);
}
