// The Bayes-by-Backprop objective and predictions from weight samples.
#include "engine/bayes_by_backprop.h"
#include "engine/learning_rule.h"
#include "engine/random_streams.h"

namespace pl {

Mlp make_bayes_mlp(const std::vector<int>& sizes, ActivationKind hidden, Rng& init_rng, double init_scale,
                   double sigma_init, uint64_t seed) {
    Mlp net;
    const int n_linear = int(sizes.size()) - 1;
    for (int i = 0; i < n_linear; ++i) {
        net.add(std::make_unique<BayesLinear>(sizes[i], sizes[i + 1], init_rng, init_scale, sigma_init,
                                              stream_seed(seed, Stream::WeightNoise, uint64_t(i)), i + 1));
        if (i + 1 < n_linear) net.add(std::make_unique<Activation>(hidden));
    }
    return net;
}

std::vector<BayesLinear*> bayes_layers(Mlp& net) {
    std::vector<BayesLinear*> result;
    for (auto& layer : net.layers)
        if (auto* bayes = dynamic_cast<BayesLinear*>(layer.get())) result.push_back(bayes);
    return result;
}

// F = N * mean_b NLL_b + sum_l KL_l
ElboTerms elbo(Mlp& net, const Loss& nll, const Mat& x, const Mat& y, int n_train, double prior_sd) {
    ElboTerms terms;
    terms.nll = n_train * nll.value(net.forward(x, true), y);
    for (BayesLinear* layer : bayes_layers(net)) terms.kl += layer->kl(prior_sd);
    return terms;
}

// dF/dmu, dF/drho = N * d(mean NLL) through w = mu + sigma eps, plus dKL/dmu, dKL/drho
ElboTerms elbo_backward(Mlp& net, const Loss& nll, const Mat& x, const Mat& y, int n_train, double prior_sd,
                        Mat* output) {
    ElboTerms terms;
    const Mat out = net.forward(x, true);
    if (output) *output = out;
    terms.nll = n_train * nll.value(out, y);
    Backprop().backward(net, n_train * nll.grad(out, y));
    for (BayesLinear* layer : bayes_layers(net)) {
        terms.kl += layer->kl(prior_sd);
        layer->add_kl_grad(prior_sd);
    }
    return terms;
}

Mat sample_functions(Mlp& net, const Mat& x, int samples) {
    Mat f(samples, x.cols());
    for (int s = 0; s < samples; ++s) f.row(s) = net.infer(x).row(0);  // f(x; w_s), w_s ~ q
    return f;
}

}  // namespace pl
