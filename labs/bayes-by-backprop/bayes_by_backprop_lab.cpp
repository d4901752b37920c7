#include "labs/bayes-by-backprop/bayes_by_backprop_lab.h"
#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <numeric>
#include "engine/learning_rule.h"

namespace pl {

namespace {
constexpr int kTrainPoints = 20;
constexpr double kTrainEdge = 3.5, kGridEdge = 5;  // data on [-3.5, 3.5], predictions on [-5, 5]
constexpr int kGridPoints = 201;
constexpr double kMacsPerStep = 2e6;  // multiply-adds in one step(): well under 30 ms in wasm
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// y = x^3 + N(0, noise^2) at 20 points drawn on [-3.5, 3.5]; the test set is x^3 on a grid over [-5, 5].
Split cubic_data(uint64_t data_seed, double noise) {
    Rng rng(data_seed);
    Split s = make_cubic(rng, kTrainPoints, kGridPoints, -kTrainEdge, kTrainEdge, noise);
    s.test.x = Eigen::RowVectorXd::LinSpaced(kGridPoints, -kGridEdge, kGridEdge);
    s.test.y = s.test.x.array().cube();
    return s;
}

using Mask = Eigen::Array<bool, 1, Eigen::Dynamic>;

// The mean of the values where the mask is true
double mean_where(const Mask& mask, const Eigen::RowVectorXd& values) {
    return mask.select(values.array(), 0.0).sum() / double(mask.count());
}

ActivationKind activation_kind(const std::string& name) {
    return name == "relu"   ? ActivationKind::ReLU
           : name == "tanh" ? ActivationKind::Tanh
                            : ActivationKind::Sigmoid;
}
}  // namespace

const LabInfo BayesByBackpropLab::kInfo = {"bayes-by-backprop", "Bayes by Backprop",
                                           "Weight uncertainty and predictive bands"};

BayesByBackpropLab::BayesByBackpropLab()
    : Lab({
          choice_param(
              "task", {"cubic", "mnist"}, 0,
              "regression on y = x^3, or classifying MNIST digits against Fashion-MNIST and noise images "
              "(then the mnist_* parameters apply)"),
          choice_param(
              "method", {"bbb", "mle"}, 0,
              "Bayes by Backprop (a Gaussian per weight) or maximum likelihood (`fits` plain networks)"),
          float_param("noise", 3, 0.1, 20, "",
                      "sd of the noise on y = x^3 (also the likelihood's sigma; cubic)"),
          int_param("data_seed", 1, 0, 1000000000, "draws the 20 training points and their noise (cubic)"),
          int_param("seed", 1, 0, 1000000000,
                    "draws the initial weights, the weight noise eps and the batches"),
          int_list_param("hidden", {10, 10}, 1, 32,
                         "hidden layer sizes, comma separated (cubic; mnist_hidden for mnist)", 3),
          choice_param("activation", {"relu", "tanh", "sigmoid"}, 0, "hidden-unit nonlinearity"),
          float_param("prior_sd", 3, 0.01, 100, "",
                      "sigma of the prior N(0, sigma^2) on every weight (bbb, cubic)", true),
          float_param("sigma_init", 0.01, 1e-4, 1, "", "initial posterior sigma of every weight (bbb)", true),
          float_param("init_scale", 1.0, 0.01, 10, "", "mu ~ N(0, init_scale^2 / fan_in)", true),
          float_param("lr", 0.01, 1e-5, 1, "", "Adam learning rate (cubic)", true),
          int_param("batch", 20, 1, kTrainPoints,
                    "mini-batch size B; the NLL of a batch is scaled by N/B (cubic)"),
          int_param("epochs", 3000, 1, 100000,
                    "passes over the 20 training points (cubic; mnist_epochs for mnist)"),
          int_param("test_samples", 100, 2, 500,
                    "weight samples for the predictive mean and sigma (bbb, cubic)"),
          int_param("fits", 5, 1, 10, "maximum-likelihood networks drawn together (mle, cubic)"),
          choice_param("vary", {"seed", "data_seed"}, 0,
                       "what differs between the mle fits: the initial weights or the training data (cubic)"),
          int_param("log_every", 10, 1, 10000,
                    "epochs between two rows of the curves (cubic; mnist logs every epoch)"),
          int_list_param("mnist_hidden", {50}, 1, 400,
                         "hidden layer sizes of the classifier 784-...-10 (mnist)", 3),
          float_param("mnist_prior_sd", 0.2, 0.001, 10, "",
                      "sigma of the prior N(0, sigma^2) on every weight of the classifier (mnist, bbb)",
                      true),
          float_param("mnist_lr", 0.003, 1e-5, 1, "", "Adam learning rate of the classifier (mnist)", true),
          int_param("mnist_batch", 50, 1, 8000, "mini-batch size B of the classifier (mnist)"),
          int_param(
              "mnist_epochs", 5, 1, 100,
              "passes over the 8,000 training digits (mnist; `epochs` counts the passes of the cubic task)"),
          int_param("mnist_samples", 20, 2, 200,
                    "weight samples averaged into the predictive of every test image (mnist, bbb)"),
      }) {}

bool BayesByBackpropLab::done() const {
    if (classifying()) return classifier.done() || !error.empty();
    return (epoch_ >= params.integer("epochs") && !evaluating()) || !error.empty();
}

double BayesByBackpropLab::progress() const {
    if (classifying()) return started_ ? classifier.progress() : 0;
    return double(epoch_) / params.integer("epochs");
}

std::vector<const MetricLog*> BayesByBackpropLab::logs() const {
    if (classifying()) return {&classifier.epochs, &classifier.batches, &classifier.entropy};
    return {&epochs, &predictive};
}

void BayesByBackpropLab::reset() {
    error.clear();
    started_ = true;
    classifying_ = params.choice("task") == "mnist";
    if (classifying_) {
        reset_classifier();
        return;
    }
    epoch_ = 0, nll_sum_ = 0, kl_sum_ = 0, terms_count_ = 0, samples_seen_ = 0;
    train_.clear(), nets_.clear(), optimizers_.clear();
    functions.resize(0, 0), samples_.resize(0, 0), drawn_ = 0;
    epochs = MetricLog("epochs", {"epoch", "nll", "kl", "neg_elbo", "test_rmse", "rmse_in", "sigma_in",
                                  "sigma_out", "sigma_ratio_out_in"});
    predictive = MetricLog("predictive", {"x", "truth", "mean", "sigma"});
    nll_.noise_sd = params.number("noise");

    const uint64_t data_seed = uint64_t(params.integer("data_seed")), seed = uint64_t(params.integer("seed"));
    const bool vary_data = params.choice("vary") == "data_seed";
    const int count = bayesian() ? 1 : params.integer("fits");
    std::vector<int> sizes = {1};
    for (int h : params.list("hidden")) sizes.push_back(h);
    sizes.push_back(1);
    const ActivationKind act = activation_kind(params.choice("activation"));

    grid_ = cubic_data(data_seed, nll_.noise_sd).test.x;
    for (int k = 0; k < count; ++k) {
        const uint64_t fit = uint64_t(k);  // fit k: seed + k, or data_seed + k
        train_.push_back(cubic_data(vary_data ? data_seed + fit : data_seed, nll_.noise_sd).train);
        Rng init_rng(vary_data ? seed : seed + fit);
        if (bayesian())
            nets_.push_back(make_bayes_mlp(sizes, act, init_rng, params.number("init_scale"),
                                           params.number("sigma_init"), seed + 100));
        else
            nets_.push_back(Mlp(sizes, act, init_rng, params.number("init_scale")));
        optimizers_.push_back(make_optimizer("adam", params.number("lr")));
    }
    weights_ = 0;
    for (size_t l = 1; l < sizes.size(); ++l) weights_ += sizes[l - 1] * sizes[l];
    order_rng_ = Rng(seed + 1);
    order_.resize(kTrainPoints);
    std::iota(order_.begin(), order_.end(), 0);
    start_evaluation();  // the untrained prediction, row epoch 0, at once: the panel starts with it
    while (evaluating()) draw_samples();
}

void BayesByBackpropLab::reset_classifier() {
    samples_seen_ = 0;
    ClassifierSettings settings;
    settings.bayesian = bayesian();
    settings.hidden = params.list("mnist_hidden");
    settings.activation = activation_kind(params.choice("activation"));
    settings.prior_sd = params.number("mnist_prior_sd");
    settings.sigma_init = params.number("sigma_init");
    settings.init_scale = params.number("init_scale");
    settings.lr = params.number("mnist_lr");
    settings.batch = params.integer("mnist_batch");
    settings.epochs = params.integer("mnist_epochs");
    settings.test_samples = params.integer("mnist_samples");
    settings.seed = uint64_t(params.integer("seed"));
    try {
        classifier.start(settings);
    } catch (const std::exception& e) {
        error = e.what();
        started_ = false;
    }
}

// cubic: either a part of an evaluation in progress, or training epochs up to the next logged one (within the
// budget). mnist: one training batch or one evaluation chunk of the classifier.
void BayesByBackpropLab::step() {
    if (done()) return;
    if (classifying()) {
        classifier.step();
        error = classifier.error;
        samples_seen_ = classifier.samples_seen;
        return;
    }
    if (evaluating()) {
        draw_samples();
        return;
    }
    const int log_every = params.integer("log_every"), epochs_total = params.integer("epochs");
    const double macs_per_epoch = 3.0 * weights_ * kTrainPoints * double(nets_.size());  // forward + backward
    double budget = kMacsPerStep;
    do {
        for (size_t k = 0; k < nets_.size() && error.empty(); ++k) train_epoch(k);
        if (!error.empty()) return;
        ++epoch_;
        budget -= macs_per_epoch;
    } while (epoch_ % log_every != 0 && epoch_ < epochs_total && budget > 0);
    if (epoch_ % log_every == 0 || epoch_ == epochs_total) start_evaluation();
}

// One pass over the shuffled training points in batches of B; every batch minimises
// bbb: F = (N/B) sum_b NLL_b + KL(q || prior)      mle: (N/B) sum_b NLL_b
void BayesByBackpropLab::train_epoch(size_t k) {
    const Dataset& train = train_[k];
    Mlp& net = nets_[k];
    const int batch = params.integer("batch");
    order_rng_.shuffle(order_);
    for (int start = 0; start < kTrainPoints; start += batch) {
        std::vector<int> idx(order_.begin() + start, order_.begin() + std::min(start + batch, kTrainPoints));
        const Mat x = train.x(Eigen::all, idx), y = train.y(Eigen::all, idx);
        ElboTerms terms;
        if (bayesian()) {
            terms = elbo_backward(net, nll_, x, y, kTrainPoints, params.number("prior_sd"));
        } else {
            const Mat out = net.forward(x, true);
            terms.nll = kTrainPoints * nll_.value(out, y);
            Backprop().backward(net, kTrainPoints * nll_.grad(out, y));
        }
        if (!std::isfinite(terms.loss())) {
            error = "training diverged in epoch " + std::to_string(epoch_ + 1) + ": the loss is " +
                    (std::isnan(terms.loss()) ? "NaN" : "infinite") + "; lower the learning rate and reset";
            return;
        }
        optimizers_[k]->step(net.params());
        nll_sum_ += terms.nll * double(idx.size()) / kTrainPoints;  // a batch's share of the epoch
        kl_sum_ += terms.kl * double(idx.size()) / kTrainPoints;
        samples_seen_ += int(idx.size());
    }
    ++terms_count_;
}

// mle: the fits on the grid, logged at once. bbb: test_samples weight samples, drawn over the next steps.
void BayesByBackpropLab::start_evaluation() {
    if (bayesian()) {
        samples_.resize(params.integer("test_samples"), grid_.cols());
        drawn_ = 0;
        const uint64_t seed = uint64_t(params.integer("seed"));
        evaluation_noise_
            .clear();  // the same eps at every evaluation: the curves over epochs are not jittered
        for (size_t l = 0; l < bayes_layers(nets_[0]).size(); ++l)
            evaluation_noise_.push_back(Rng(seed + 200 + l));
        return;
    }
    functions.resize(Eigen::Index(nets_.size()), grid_.cols());
    for (size_t k = 0; k < nets_.size(); ++k) functions.row(Eigen::Index(k)) = nets_[k].forward(grid_, false);
    log_row();
}

void BayesByBackpropLab::draw_samples() {
    const int per_step = std::max(1, int(kMacsPerStep / (double(weights_) * double(grid_.cols()))));
    const int count = std::min(per_step, int(samples_.rows()) - drawn_);
    // The weight samples of the predictive have their own noise, so test_samples and log_every leave training
    // alone.
    const std::vector<BayesLinear*> layers = bayes_layers(nets_[0]);
    for (size_t l = 0; l < layers.size(); ++l) std::swap(layers[l]->noise, evaluation_noise_[l]);
    samples_.middleRows(drawn_, count) = sample_functions(nets_[0], grid_, count);
    for (size_t l = 0; l < layers.size(); ++l) std::swap(layers[l]->noise, evaluation_noise_[l]);
    drawn_ += count;
    if (evaluating()) return;
    functions = samples_;
    log_row();
}

// Predictive mean and sigma over the sampled functions (bbb) or the fits (mle), on the grid over [-5, 5].
void BayesByBackpropLab::log_row() {
    const Eigen::RowVectorXd mean = functions.colwise().mean();
    // sigma(x) = sqrt(mean_s (f_s(x) - mean(x))^2)
    const Eigen::RowVectorXd sigma = (functions.rowwise() - mean).array().square().colwise().mean().sqrt();
    const Eigen::RowVectorXd truth = grid_.array().cube();
    const Mask inside = grid_.array().abs() <= kTrainEdge + 1e-9;
    const Eigen::RowVectorXd squared_error = (mean - truth).array().square();  // against x^3
    const double test_rmse = std::sqrt(squared_error.mean());                  // on [-5, 5]
    const double rmse_in = std::sqrt(mean_where(inside, squared_error));
    const double sigma_in = mean_where(inside, sigma), sigma_out = mean_where(!inside, sigma);

    predictive.clear();
    for (Eigen::Index i = 0; i < grid_.cols(); ++i)
        predictive.add({grid_(0, i), truth(i), mean(i), sigma(i)});
    const double nll = terms_count_ ? nll_sum_ / terms_count_ : kNaN;
    const double kl = terms_count_ && bayesian() ? kl_sum_ / terms_count_ : kNaN;
    epochs.add(
        {double(epoch_), nll, kl, nll + kl, test_rmse, rmse_in, sigma_in, sigma_out, sigma_out / sigma_in});
    nll_sum_ = 0, kl_sum_ = 0, terms_count_ = 0;
}

std::vector<double> BayesByBackpropLab::posterior_sigmas() {
    std::vector<double> sigmas;
    if (!bayesian()) return sigmas;
    for (BayesLinear* layer : bayes_layers(nets_[0]))
        for (const GaussianWeights* w : {&layer->W, &layer->b}) {
            const Mat s = w->sigma();
            sigmas.insert(sigmas.end(), s.data(), s.data() + s.size());
        }
    return sigmas;
}

}  // namespace pl
