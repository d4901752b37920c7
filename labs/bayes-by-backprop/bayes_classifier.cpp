#include "labs/bayes-by-backprop/bayes_classifier.h"
#include <algorithm>
#include <cmath>
#include "engine/activation.h"
#include "engine/bayes_by_backprop.h"
#include "engine/learning_rule.h"
#include "engine/math.h"
#include "engine/metrics.h"
#include "engine/random_streams.h"
#include "labs/task_data.h"

namespace pl {

namespace {
constexpr double kMacsPerStep = 1.2e7;  // multiply-adds of one evaluation step (300 images, 784-50-10)
constexpr double kSmallest = 1e-12;     // p_y is floored here for the test loss: at most 27.6 nats per image

// H(p) = -sum_c p_c log p_c per column, in nats (0 log 0 = 0)
Eigen::RowVectorXd entropy_of(const Mat& p) {
    return -(p.array() > 0).select(p.array() * pl::log(p.array()), Real(0)).colwise().sum().cast<double>();
}

// AUROC = P(H_out > H_in) + P(H_out = H_in) / 2 over every pair of an in- and an out-of-distribution image
double auroc(const Eigen::RowVectorXd& in, const Eigen::RowVectorXd& out) {
    std::vector<double> sorted(in.data(), in.data() + in.size());
    std::sort(sorted.begin(), sorted.end());
    double pairs_below = 0;
    for (double h : out) {
        const auto below = std::lower_bound(sorted.begin(), sorted.end(), h) - sorted.begin();
        const auto not_above = std::upper_bound(sorted.begin(), sorted.end(), h) - sorted.begin();
        pairs_below += 0.5 * double(below + not_above);
    }
    return pairs_below / (double(in.size()) * double(out.size()));
}
}  // namespace

void BayesClassifier::start(const BayesByBackpropSettings& settings) {
    settings_ = settings;
    trainer = Trainer();  // done, with empty logs, until the data are loaded
    entropy = MetricLog("entropy", {"test", "fashion", "noise"});
    mnist_ = task_data("mnist", 0);
    fashion_ = task_data("fashion", 0);
    const uint64_t seed = uint64_t(settings.seed);
    Rng noise_rng = random_stream(seed, Stream::Fixed);  // the same noise images for every run
    noise_.x =
        Mat::NullaryExpr(mnist_->test.x.rows(), mnist_->test.size(), [&] { return noise_rng.uniform(); });

    std::vector<int> sizes = {int(mnist_->train.x.rows())};
    sizes.insert(sizes.end(), settings.mnist_hidden.begin(), settings.mnist_hidden.end());
    sizes.push_back(mnist_->train.classes);
    weights_ = 0;
    for (size_t l = 1; l < sizes.size(); ++l) weights_ += sizes[l - 1] * sizes[l];
    Rng init_rng = random_stream(seed, Stream::Init);
    const ActivationKind activation = activation_table().find(settings.activation).value;
    net_ = settings.bayesian()
               ? make_bayes_mlp(sizes, activation, init_rng, settings.init_scale, settings.sigma_init, seed)
               : Mlp(sizes, activation, init_rng, settings.init_scale);
    optimizer_ = make_optimizer("adam", settings.mnist_lr);
    kl_ = 0;

    TrainerSetup setup;
    setup.phases = {{"train", &mnist_->train, settings.mnist_epochs}};
    setup.eval_sets = {{"test", &mnist_->test}, {"fashion", &fashion_->test}, {"noise", &noise_}};
    setup.columns = {"train_loss",   "test_loss",       "train_acc",     "test_acc",      "kl",
                     "entropy_test", "entropy_fashion", "entropy_noise", "auroc_fashion", "auroc_noise"};
    setup.batch = settings.mnist_batch;
    setup.log_every = 1;
    setup.seed = seed;
    trainer.hooks.end_epoch = [this] { return epoch_values(); };
    trainer.start(*this, setup);
}

const Mat& BayesClassifier::images(EvalSet set) const {
    return set == EvalSet::TestDigits ? mnist_->test.x
           : set == EvalSet::Fashion  ? fashion_->test.x
                                      : noise_.x;
}

Vec BayesClassifier::probabilities(EvalSet set, int image) const {
    static const char* const kNames[] = {"test", "fashion", "noise"};
    const Mat& p = trainer.outputs(kNames[int(set)]);
    return image < p.cols() ? Vec(p.col(image)) : Vec();
}

// Images per evaluation step: about as long as one training batch, whose cost is mostly drawing and updating
// the weights' Gaussians.
int BayesClassifier::eval_chunk_size() const { return std::max(1, int(kMacsPerStep / weights_)); }

// bbb: F = (N/B) sum_b NLL_b + KL(q || prior), one weight sample per batch      mle: (N/B) sum_b NLL_b
ChunkResult BayesClassifier::train_chunk(const Mat& x, const Mat& y) {
    const int n = mnist_->train.size();
    ElboTerms terms;
    ChunkResult result;
    if (settings_.bayesian()) {
        terms = elbo_backward(net_, nll_, x, y, n, settings_.mnist_prior_sd, &result.outputs);
    } else {
        result.outputs = net_.forward(x, true);
        terms.nll = n * nll_.value(result.outputs, y);
        Backprop().backward(net_, n * nll_.grad(result.outputs, y));
    }
    kl_ = terms.kl;
    result.loss = terms.nll / n;  // the batch's mean NLL
    return result;
}

void BayesClassifier::begin_evaluation() {
    const std::vector<BayesLinear*> layers = bayes_layers(net_);
    evaluation_noise_.clear();
    for (size_t l = 0; l < layers.size(); ++l) {
        evaluation_noise_.push_back(random_stream(uint64_t(settings_.seed), Stream::EvalNoise, l));
        std::swap(layers[l]->noise, evaluation_noise_[l]);
    }
    last_pass_ = -1;
}

// p(y | x) = (1/S) sum_s softmax(f(x; w_s)): a pass draws w_s at its first chunk and keeps it for the rest
Mat BayesClassifier::predict(const Mat& x, int pass) {
    for (BayesLinear* layer : bayes_layers(net_)) layer->fixed_eps = pass == last_pass_;
    last_pass_ = pass;
    return softmax(net_.forward(x, false));  // not infer(): the pass's draw stays for its next chunks
}

// -log p(y | x), with p_y floored at kSmallest
double BayesClassifier::eval_loss(const Mat& outputs, const Mat& y) {
    return -pl::log(outputs.cwiseProduct(y).colwise().sum().array().max(kSmallest)).mean();
}

void BayesClassifier::end_evaluation() {
    const std::vector<BayesLinear*> layers = bayes_layers(net_);
    for (size_t l = 0; l < layers.size(); ++l) {
        layers[l]->fixed_eps = false;
        std::swap(layers[l]->noise, evaluation_noise_[l]);
    }
}

std::vector<double> BayesClassifier::epoch_values() {
    std::vector<Eigen::RowVectorXd> entropies;
    for (const char* set : {"test", "fashion", "noise"})
        entropies.push_back(entropy_of(trainer.outputs(set)));
    entropy.clear();
    for (Eigen::Index i = 0; i < entropies[0].size(); ++i)
        entropy.add({entropies[0](i), entropies[1](i), entropies[2](i)});
    trainer.epochs.explain_next("kl", kNoKl);
    return {settings_.bayesian() ? kl_ : std::nan(""),
            entropies[0].mean(),
            entropies[1].mean(),
            entropies[2].mean(),
            auroc(entropies[0], entropies[1]),
            auroc(entropies[0], entropies[2])};
}

}  // namespace pl
