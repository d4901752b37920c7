#include "labs/bayes-by-backprop/bayes_classifier.h"
#include <algorithm>
#include <cmath>
#include <numeric>
#include "engine/bayes_by_backprop.h"
#include "engine/learning_rule.h"
#include "engine/metrics.h"
#include "labs/task_data.h"

namespace pl {

namespace {
// Multiply-adds of one evaluation step (300 images through 784-50-10): it takes about as long as one training
// batch, whose cost is mostly drawing and updating the weights' Gaussians.
constexpr double kMacsPerStep = 1.2e7;
constexpr uint64_t kNoiseImagesSeed = 12345;
constexpr double kSmallest = 1e-12;  // p_y is floored here for the test loss: at most 27.6 nats per image
constexpr int kSets = 3;

// H(p) = -sum_c p_c log p_c per column, in nats (0 log 0 = 0)
Eigen::RowVectorXd entropy_of(const Mat& p) {
    return -(p.array() > 0).select(p.array() * p.array().log(), 0.0).colwise().sum();
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

void BayesClassifier::start(const ClassifierSettings& settings) {
    settings_ = settings;
    phase_ = Phase::Done;  // until the data are loaded
    epochs = MetricLog("epochs",
                       {"epoch", "train_loss", "test_loss", "train_acc", "test_acc", "kl", "entropy_test",
                        "entropy_fashion", "entropy_noise", "auroc_fashion", "auroc_noise"});
    batches = MetricLog("batches", {"batch", "batch_loss"});
    entropy = MetricLog("entropy", {"test", "fashion", "noise"});
    predictive_.assign(kSets, Mat());
    error.clear();
    samples_seen = 0;
    epoch_ = 0, position_ = 0, batches_done_ = 0, loss_sum_ = 0, kl_ = 0, correct_ = 0;
    mnist_ = task_data("mnist", 0);
    fashion_ = task_data("fashion", 0);
    Rng noise_rng(kNoiseImagesSeed);
    noise_images_ =
        Mat::NullaryExpr(mnist_->test.x.rows(), mnist_->test.size(), [&] { return noise_rng.uniform(); });

    std::vector<int> sizes = {int(mnist_->train.x.rows())};
    sizes.insert(sizes.end(), settings.hidden.begin(), settings.hidden.end());
    sizes.push_back(mnist_->train.classes);
    weights_ = 0;
    for (size_t l = 1; l < sizes.size(); ++l) weights_ += sizes[l - 1] * sizes[l];
    Rng init_rng(settings.seed);
    net_ = settings.bayesian ? make_bayes_mlp(sizes, settings.activation, init_rng, settings.init_scale,
                                              settings.sigma_init, settings.seed + 100)
                             : Mlp(sizes, settings.activation, init_rng, settings.init_scale);
    optimizer_ = make_optimizer("adam", settings.lr);
    order_rng_ = Rng(settings.seed + 1);
    order_.resize(size_t(mnist_->train.size()));
    std::iota(order_.begin(), order_.end(), 0);
    order_rng_.shuffle(order_);
    phase_ = Phase::Train;
}

const Mat& BayesClassifier::images(EvalSet set) const {
    return set == EvalSet::TestDigits ? mnist_->test.x
           : set == EvalSet::Fashion  ? fashion_->test.x
                                      : noise_images_;
}

Vec BayesClassifier::probabilities(EvalSet set, int image) const {
    const Mat& p = predictive_[size_t(set)];
    return image < p.cols() ? Vec(p.col(image)) : Vec();
}

void BayesClassifier::step() {
    if (done()) return;
    if (phase_ == Phase::Train)
        train_batch();
    else
        evaluate_chunk();
}

// bbb: F = (N/B) sum_b NLL_b + KL(q || prior), one weight sample per batch      mle: (N/B) sum_b NLL_b
void BayesClassifier::train_batch() {
    const Dataset& train = mnist_->train;
    const int n = train.size(), end = std::min(position_ + settings_.batch, n);
    const std::vector<int> idx(order_.begin() + position_, order_.begin() + end);
    const Mat x = train.x(Eigen::all, idx), y = train.y(Eigen::all, idx);
    ElboTerms terms;
    Mat out;
    if (settings_.bayesian) {
        terms = elbo_backward(net_, nll_, x, y, n, settings_.prior_sd, &out);
    } else {
        out = net_.forward(x, true);
        terms.nll = n * nll_.value(out, y);
        Backprop().backward(net_, n * nll_.grad(out, y));
    }
    if (!std::isfinite(terms.loss())) {
        error = "training diverged in epoch " + std::to_string(epoch_ + 1) + ", batch " +
                std::to_string(batches_done_ + 1) + ": the loss is " +
                (std::isnan(terms.loss()) ? "NaN" : "infinite") + "; lower the learning rate and reset";
        return;
    }
    optimizer_->step(net_.params());
    const std::vector<int> predicted = argmax_columns(out);
    for (size_t i = 0; i < idx.size(); ++i) correct_ += predicted[i] == train.labels[size_t(idx[i])];
    loss_sum_ += terms.nll / n * double(idx.size());  // the batch's mean NLL, weighted by its size
    kl_ = terms.kl;
    batches.add({double(++batches_done_), terms.nll / n});
    samples_seen += int(idx.size());
    position_ = end;
    if (position_ < n) return;

    // The epoch's evaluation: every weight sample over the three sets, drawn with the same noise each epoch
    phase_ = Phase::Evaluate;
    position_ = 0, sample_ = 0, set_ = EvalSet::TestDigits;
    probability_sums_.clear();
    for (int s = 0; s < kSets; ++s)
        probability_sums_.push_back(Mat::Zero(train.classes, images(EvalSet(s)).cols()));
    const std::vector<BayesLinear*> layers = bayes_layers(net_);
    evaluation_noise_.clear();
    for (size_t l = 0; l < layers.size(); ++l) {
        evaluation_noise_.push_back(Rng(settings_.seed + 200 + l));
        std::swap(layers[l]->noise, evaluation_noise_[l]);
    }
}

// p(y | x) = (1/S) sum_s softmax(f(x; w_s)): one chunk of one set under weight sample s per step
void BayesClassifier::evaluate_chunk() {
    const Mat& x = images(set_);
    const int chunk = std::max(1, int(kMacsPerStep / weights_));
    const int end = std::min(position_ + chunk, int(x.cols()));
    const bool new_sample = set_ == EvalSet::TestDigits && position_ == 0;
    for (BayesLinear* layer : bayes_layers(net_)) layer->fixed_eps = !new_sample;  // w_s across the chunks
    probability_sums_[size_t(set_)].middleCols(position_, end - position_) +=
        softmax(net_.forward(x.middleCols(position_, end - position_), false));
    position_ = end;
    if (position_ < x.cols()) return;
    position_ = 0;
    if (set_ != EvalSet::Noise) {
        set_ = EvalSet(int(set_) + 1);
        return;
    }
    set_ = EvalSet::TestDigits;
    if (++sample_ < samples()) return;
    end_evaluation();
}

void BayesClassifier::end_evaluation() {
    const std::vector<BayesLinear*> layers = bayes_layers(net_);
    for (size_t l = 0; l < layers.size(); ++l) {
        layers[l]->fixed_eps = false;
        std::swap(layers[l]->noise, evaluation_noise_[l]);
    }
    std::vector<Eigen::RowVectorXd> entropies;
    for (int s = 0; s < kSets; ++s) {
        predictive_[size_t(s)] = probability_sums_[size_t(s)] / samples();
        entropies.push_back(entropy_of(predictive_[size_t(s)]));
    }
    entropy.clear();
    for (Eigen::Index i = 0; i < entropies[0].size(); ++i)
        entropy.add({entropies[0](i), entropies[1](i), entropies[2](i)});

    const Dataset& test = mnist_->test;
    const Mat& p = predictive_[0];
    // test loss = -(1/n) sum_i log p(y_i | x_i), test accuracy of argmax_c p(c | x)
    const double test_loss = -p.cwiseProduct(test.y).colwise().sum().array().max(kSmallest).log().mean();
    const double test_acc = accuracy(argmax_columns(p), test.labels);
    const int n = mnist_->train.size();
    ++epoch_;
    epochs.add({double(epoch_), loss_sum_ / n, test_loss, double(correct_) / n, test_acc,
                settings_.bayesian ? kl_ : std::nan(""), entropies[0].mean(), entropies[1].mean(),
                entropies[2].mean(), auroc(entropies[0], entropies[1]), auroc(entropies[0], entropies[2])});
    loss_sum_ = 0, correct_ = 0;
    order_rng_.shuffle(order_);
    phase_ = epoch_ >= settings_.epochs ? Phase::Done : Phase::Train;
}

// Work per epoch in forward passes of one image: 3 per training image (forward and backward), 1 per image and
// weight sample of the evaluation.
double BayesClassifier::progress() const {
    if (phase_ == Phase::Done) return 1;
    const double train_work = 3.0 * mnist_->train.size();
    const double set_size = double(images(EvalSet::TestDigits).cols());
    const double eval_work = samples() * kSets * set_size;
    const double in_epoch = phase_ == Phase::Train
                                ? 3.0 * position_
                                : train_work + (sample_ * kSets + int(set_)) * set_size + position_;
    return (epoch_ + in_epoch / (train_work + eval_work)) / settings_.epochs;
}

}  // namespace pl
