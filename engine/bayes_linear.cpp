// The Bayes-by-Backprop layer: sampling through the reparameterisation, its gradients, and the closed-form
// KL.
#include "engine/bayes_linear.h"
#include <cmath>
#include "engine/math.h"

namespace pl {

namespace {

// softplus(r) = log(1 + e^r), written as r + log(1 + e^-r) for large r so that it never overflows
Arr softplus(const Mat& r) { return (r.array() > 20).select(r.array(), pl::log1p(pl::exp(r.array()))); }

// sigmoid(r) = 1 / (1 + e^-r) = d softplus / dr
Arr sigmoid(const Mat& r) { return 1.0 / (1.0 + pl::exp(-r.array())); }

// rho such that softplus(rho) = sigma: rho = log(e^sigma - 1)
double inverse_softplus(double sigma) { return pl::log(pl::expm1(sigma)); }

Mat normal_noise(Rng& rng, Eigen::Index rows, Eigen::Index cols) {
    Mat eps(rows, cols);
    for (Real& e : eps.reshaped()) e = rng.normal();
    return eps;
}

GaussianWeights gaussian_weights(const std::string& name, Mat mu, double sigma_init) {
    GaussianWeights w;
    w.mu = {"mu_" + name, mu, Mat::Zero(mu.rows(), mu.cols())};
    w.rho = {"rho_" + name, Mat::Constant(mu.rows(), mu.cols(), inverse_softplus(sigma_init)),
             Mat::Zero(mu.rows(), mu.cols())};
    w.eps = Mat::Zero(mu.rows(), mu.cols());
    return w;
}

}  // namespace

Mat GaussianWeights::sigma() const { return softplus(rho.value).matrix(); }

Mat GaussianWeights::dsigma_drho() const { return sigmoid(rho.value).matrix(); }

// w = mu + sigma .* eps, sigma = softplus(rho)
Mat GaussianWeights::sample() const {
    // EXERCISE bayes-by-backprop.weight_sample: The reparameterised weight sample (1 point)
    // HINT: w = mu + sigma .* eps element by element: sigma() gives softplus(rho), eps is already drawn.
    // HINT: sigma is softplus(rho), never rho itself (rho may be negative; a standard deviation may not).
    return mu.value + sigma().cwiseProduct(eps);
    // END EXERCISE
}

// dL/dmu = dL/dw (dw/dmu = 1), dL/drho = dL/dw .* eps .* sigmoid(rho) (dw/drho = eps softplus'(rho))
void GaussianWeights::set_grads(const Mat& dL_dw) {
    // EXERCISE bayes-by-backprop.sample_gradient: The gradient through the reparameterisation (2 points)
    // HINT: the chain rule through w = mu + softplus(rho) .* eps, element by element: set mu.grad, rho.grad.
    // HINT: dsigma/drho = sigmoid(rho) is dsigma_drho(), not sigma itself.
    mu.grad = dL_dw;
    rho.grad = (dL_dw.array() * eps.array() * dsigma_drho().array()).matrix();
    // END EXERCISE
}

// KL(N(mu, s^2) || N(0, p^2)) = log(p / s) + (s^2 + mu^2) / (2 p^2) - 1/2, summed over the weights
double GaussianWeights::kl(double prior_sd) const {
    // EXERCISE bayes-by-backprop.gaussian_kl: The KL of the posterior from the prior, closed form (2 points)
    // HINT: s = sigma() and p = prior_sd are standard deviations (not variances): the log term is log(p / s).
    // HINT: sum over every weight; the KL of q = prior is exactly 0 (that is what the -1/2 is for).
    const Arr s = sigma().array();
    const double p2 = prior_sd * prior_sd;
    return (pl::log(prior_sd) - pl::log(s) + (s.square() + mu.value.array().square()) / (2 * p2) - 0.5).sum();
    // END EXERCISE
}

// dKL/dmu = mu / p^2,  dKL/drho = (-1/s + s / p^2) sigmoid(rho)
void GaussianWeights::add_kl_grad(double prior_sd) {
    // EXERCISE bayes-by-backprop.kl_gradient: The KL's gradient with respect to mu and rho (2 points)
    // HINT: add to mu.grad and rho.grad (+=): they already hold the data term's gradient.
    // HINT: differentiate through s = softplus(rho): dKL/drho = dKL/ds * dsigma_drho().
    const Arr s = sigma().array();
    const double p2 = prior_sd * prior_sd;
    mu.grad += mu.value / p2;
    rho.grad += ((-1.0 / s + s / p2) * dsigma_drho().array()).matrix();
    // END EXERCISE
}

BayesLinear::BayesLinear(int in, int out, Rng& init_rng, double init_scale, double sigma_init,
                         uint64_t noise_seed, int index)
    : noise(noise_seed) {
    const std::string number = std::to_string(index);
    const double sd = init_scale / std::sqrt(double(in));  // mu_W ~ N(0, init_scale^2 / fan_in)
    W = gaussian_weights("W" + number, normal_noise(init_rng, out, in) * sd, sigma_init);
    b = gaussian_weights("b" + number, Mat::Zero(out, 1), sigma_init);
}

// eps ~ N(0, 1), W = mu_W + sigma_W eps_W, b likewise; y = W x + b
Mat BayesLinear::forward(const Mat& x, bool /*training*/) {
    if (!fixed_eps) {
        W.eps = normal_noise(noise, W.mu.value.rows(), W.mu.value.cols());
        b.eps = normal_noise(noise, b.mu.value.rows(), 1);
    }
    input_ = x;
    W_sample_ = W.sample();
    return (W_sample_ * x).colwise() + b.sample().col(0);
}

Mat BayesLinear::infer(const Mat& x) {
    Mat input, W_sample, W_eps = W.eps, b_eps = b.eps;  // what backward() reads (forward may reuse eps)
    input.swap(input_), W_sample.swap(W_sample_);       // forward() sets both anew
    const Mat y = forward(x, false);
    input_.swap(input), W_sample_.swap(W_sample), W.eps.swap(W_eps), b.eps.swap(b_eps);
    return y;
}

Mat BayesLinear::backward(const Mat& grad_out) {
    W.set_grads(grad_out * input_.transpose());  // dL/dW = g x^T
    b.set_grads(grad_out.rowwise().sum());       // dL/db = sum over the batch of g
    return W_sample_.transpose() * grad_out;     // dL/dx = W^T g
}

void BayesLinear::add_kl_grad(double prior_sd) {
    W.add_kl_grad(prior_sd);
    b.add_kl_grad(prior_sd);
}

}  // namespace pl
