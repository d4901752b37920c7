// A small symmetric variational autoencoder for images with pixels in [0, 1] (Kingma & Welling 2014), the
// generator of generative replay (Shin et al. 2017): loss = Bernoulli -log p(x|z) + KL(q(z|x) || N(0, I)),
// batch mean.
#pragma once
#include <vector>
#include "engine/mlp.h"
#include "engine/optimizer.h"

namespace pl {

// encoder inputs-hidden-hidden-(mu, log sigma^2), decoder latent-hidden-hidden-inputs, ReLU, sigmoid output.
// Defaults (DGR: 2 x 400 units, z = 100): 0.19 M weights. On split MNIST class-IL generative replay at 4
// epochs per context, 3 steps of this VAE per batch (ACC 0.79) beat 1 or 2 steps of a 2 x 200 one (0.52,
// 0.68).
struct VaeSizes {
    int inputs = 784;
    int hidden = 100;  // units of each of the 2 hidden layers, in the encoder and in the decoder
    int latent = 32;   // dimensions of z
};

struct VaeLoss {
    double reconstruction = 0;  // Bernoulli negative log-likelihood in nats, batch mean
    double kl = 0;              // KL(q(z|x) || N(0, I)) in nats, batch mean
    double total() const { return reconstruction + kl; }
};

class Vae {
public:
    Vae(const VaeSizes& sizes, Rng& init_rng, double lr = 1e-3);
    // The batch's loss sum_n w_n l_n with the reparameterisation noise eps (latent x batch), z = mu + sigma
    // .* eps, and a weight per sample (empty: the mean, w_n = 1/B); caches what backward() needs.
    VaeLoss forward(const Mat& x, const Mat& eps, const Vec& weights = Vec());
    void backward();  // every param's grad of the last forward()'s loss
    // Draws eps from `noise`, forward, backward and one step of the VAE's own Adam; the loss before the step.
    VaeLoss train_step(const Mat& x, Rng& noise, const Vec& weights = Vec());
    // train_step() in two parts of a step's work each, the same numbers: begin_step() draws eps and runs
    // forward(), end_step() runs backward() and the Adam step.
    VaeLoss begin_step(const Mat& x, Rng& noise, const Vec& weights = Vec());
    void end_step();
    Mat decode(const Mat& z);        // decoder means sigmoid(dec(z)): inputs x columns of z
    Mat sample(int n, Rng& rng);     // decode(z), z ~ N(0, I): inputs x n
    Mat reconstruct(const Mat& x);   // sigmoid(dec(mu(x)))
    void copy_weights(Vae& source);  // this VAE's weights := source's (a frozen copy; same sizes)
    std::vector<Param*> params();
    int latent() const { return sizes_.latent; }

    Mlp encoder;  // output rows 0..latent-1: mu; rows latent..2 latent-1: log sigma^2
    Mlp decoder;  // output: pixel logits l, p(x_i = 1 | z) = sigmoid(l_i)

private:
    VaeSizes sizes_;
    Adam adam_;
    Mat x_, eps_, mu_, log_var_, logits_;  // of the last forward()
    Vec weights_;
};

// KL(N(mu, diag e^log_var) || N(0, I)) of each column = -1/2 sum (1 + log_var - mu^2 - e^log_var), in nats
Vec gaussian_kl(const Mat& mu, const Mat& log_var);

}  // namespace pl
