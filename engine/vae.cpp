// Variational autoencoder: encoder, reparameterised z, decoder, the ELBO's two terms and their gradients.
#include "engine/vae.h"
#include <cmath>
#include "engine/math.h"

namespace pl {

static Mat standard_normal(int rows, int cols, Rng& rng) {
    Mat m(rows, cols);
    for (Real& v : m.reshaped()) v = rng.normal();
    return m;
}

static Mat sigmoid(const Mat& logits) { return (1.0 + pl::exp(-logits.array())).inverse().matrix(); }

Vae::Vae(const VaeSizes& sizes, Rng& init_rng, double lr)
    : encoder({sizes.inputs, sizes.hidden, sizes.hidden, 2 * sizes.latent}, ActivationKind::ReLU, init_rng),
      decoder({sizes.latent, sizes.hidden, sizes.hidden, sizes.inputs}, ActivationKind::ReLU, init_rng),
      sizes_(sizes),
      adam_(lr) {}

Vec gaussian_kl(const Mat& mu, const Mat& log_var) {
    // KL = -1/2 sum (1 + log sigma^2 - mu^2 - sigma^2)
    const Arr terms = 1.0 + log_var.array() - mu.array().square() - pl::exp(log_var.array());
    return -0.5 * terms.colwise().sum().transpose();
}

VaeLoss Vae::forward(const Mat& x, const Mat& eps, const Vec& weights) {
    x_ = x;
    eps_ = eps;
    weights_ = weights.size() == x.cols() ? weights : Vec::Constant(x.cols(), 1.0 / double(x.cols()));
    const Mat code = encoder.forward(x, true);
    mu_ = code.topRows(sizes_.latent);
    log_var_ = code.bottomRows(sizes_.latent);
    const Mat z = mu_.array() + pl::exp(0.5 * log_var_.array()) * eps.array();  // z = mu + sigma eps
    logits_ = decoder.forward(z, true);
    // -log p(x|z) = sum_i softplus(l_i) - x_i l_i, softplus(l) = max(l, 0) + log(1 + e^-|l|)
    const Arr l = logits_.array();
    const Vec nll = (l.max(0.0) + pl::log1p(pl::exp(-l.abs())) - x.array() * l).colwise().sum().transpose();
    return {weights_.dot(nll), weights_.dot(gaussian_kl(mu_, log_var_))};  // sum_n w_n l_n
}

void Vae::backward() {
    const Arr w = weights_.transpose().replicate(sizes_.latent, 1);       // w_n in every row
    const Mat dlogits = (sigmoid(logits_) - x_) * weights_.asDiagonal();  // d(-log p)/dl = sigmoid(l) - x
    const Mat dz = decoder.backward(dlogits);
    const Arr sigma = pl::exp(0.5 * log_var_.array());
    Mat dcode(2 * sizes_.latent, x_.cols());
    dcode.topRows(sizes_.latent) = dz.array() + w * mu_.array();  // dz/dmu = 1, dKL/dmu = mu
    // dz/dlog sigma^2 = eps sigma / 2, dKL/dlog sigma^2 = (sigma^2 - 1) / 2
    dcode.bottomRows(sizes_.latent) = dz.array() * eps_.array() * sigma / 2 + w * (sigma.square() - 1.0) / 2;
    encoder.backward(dcode);
}

VaeLoss Vae::train_step(const Mat& x, Rng& noise, const Vec& weights) {
    const VaeLoss loss = begin_step(x, noise, weights);
    end_step();
    return loss;
}

VaeLoss Vae::begin_step(const Mat& x, Rng& noise, const Vec& weights) {
    return forward(x, standard_normal(sizes_.latent, int(x.cols()), noise), weights);
}

void Vae::end_step() {
    backward();
    adam_.step(params());
}

Mat Vae::decode(const Mat& z) { return sigmoid(decoder.infer(z)); }

Mat Vae::sample(int n, Rng& rng) { return decode(standard_normal(sizes_.latent, n, rng)); }

Mat Vae::reconstruct(const Mat& x) { return sigmoid(decoder.infer(encoder.infer(x).topRows(sizes_.latent))); }

void Vae::copy_weights(Vae& source) {
    const std::vector<Param*> to = params(), from = source.params();
    for (size_t k = 0; k < to.size(); ++k) to[k]->value = from[k]->value;
}

std::vector<Param*> Vae::params() {
    std::vector<Param*> all = encoder.params();
    for (Param* p : decoder.params()) all.push_back(p);
    return all;
}

}  // namespace pl
