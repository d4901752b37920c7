// Lab 3's settings, one field per parameter (declared with their help, ranges and modes in
// bayes_by_backprop_fields()); the cubic task reads the plain ones, the classifier the mnist_* ones.
#pragma once
#include <string>
#include <vector>
#include "labs/params.h"

namespace pl {

struct BayesByBackpropSettings {
    std::string task;         // cubic | mnist
    std::string method;       // bbb | mle
    double noise;             // sd of the noise on y = x^3, also the likelihood's sigma (y units)
    int data_seed, seed;      // the training points; the weights, weight noise and batches
    std::vector<int> hidden;  // cubic
    std::string activation;   // a name in activation_table()
    double prior_sd, sigma_init, init_scale, lr;
    int batch, epochs, test_samples, fits;
    std::string vary;  // seed | data_seed: what differs between the mle fits
    int log_every;     // epochs between two rows
    std::vector<int> mnist_hidden;
    double mnist_prior_sd, mnist_lr;
    int mnist_batch, mnist_epochs, mnist_samples;

    bool bayesian() const { return method == "bbb"; }
};

// Why kl (and neg_elbo) is not a number: maximum likelihood fits weights, not a distribution over them.
inline constexpr const char* kNoKl = "method=mle has no posterior, so no KL term";

const Fields<BayesByBackpropSettings>& bayes_by_backprop_fields();

}  // namespace pl
