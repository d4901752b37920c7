#include "labs/bayes-by-backprop/bayes_by_backprop_lab.h"
#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include "engine/activation.h"
#include "engine/learning_rule.h"
#include "engine/random_streams.h"

namespace pl {

namespace {
constexpr int kTrainPoints = 20;
constexpr double kTrainEdge = 3.5, kGridEdge = 5;  // data on [-3.5, 3.5], predictions on [-5, 5]
constexpr int kGridPoints = 201;
constexpr double kMacsPerStep = 2e6;  // multiply-adds in one step(): well under 30 ms in wasm
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const char* const kNoTraining = "no training before this row";

// y = x^3 + N(0, noise^2) at 20 points drawn on [-3.5, 3.5]; the test set is x^3 on a grid over [-5, 5].
// (fit k of vary = data_seed draws its points from index k of the toy-data stream)
Split cubic_data(uint64_t data_seed, uint64_t index, double noise) {
    Rng rng = random_stream(data_seed, Stream::ToyData, index);
    Split s = make_cubic(rng, kTrainPoints, kGridPoints, -kTrainEdge, kTrainEdge, noise);
    s.test.x = RowVec::LinSpaced(kGridPoints, -kGridEdge, kGridEdge);
    s.test.y = s.test.x.array().cube();
    return s;
}

using Mask = Eigen::Array<bool, 1, Eigen::Dynamic>;

// The mean of the values where the mask is true
double mean_where(const Mask& mask, const RowVec& values) {
    return mask.select(values.array(), 0.0).sum() / double(mask.count());
}

// A spec shown only while `applies` holds (the URL, the CLI and the JS still set it).
ParamSpec only(const Applies& applies, ParamSpec spec) {
    spec.applies = applies;
    return spec;
}

// Applies while both hold.
Applies both(const Applies& a, const Applies& b) {
    return [a, b](const Params& p) { return a(p) && b(p); };
}
}  // namespace

const LabInfo BayesByBackpropLab::kInfo = {"bayes-by-backprop", "Bayes by Backprop",
                                           "Weight uncertainty and predictive bands"};

const Fields<BayesByBackpropSettings>& bayes_by_backprop_fields() {
    using S = BayesByBackpropSettings;
    const Applies cubic = when("task", {"cubic"}), mnist = when("task", {"mnist"});
    const Applies bbb = when("method", {"bbb"}), mle = when("method", {"mle"});
    static const Fields<S> fields = {
        bind(&S::task,
             choice_param("task", {"cubic", "mnist"}, 0,
                          "regression on y = x^3, or classifying MNIST digits against Fashion-MNIST "
                          "and noise images (then the mnist_* parameters apply)")),
        bind(&S::method,
             choice_param(
                 "method", {"bbb", "mle"}, 0,
                 "Bayes by Backprop (a Gaussian per weight) or maximum likelihood (`fits` plain networks)")),
        bind(&S::noise,
             only(cubic, float_param("noise", 3, 0.1, 20, "",
                                     "sd of the noise on y = x^3 (also the likelihood's sigma; cubic)"))),
        bind(&S::data_seed, only(cubic, int_param("data_seed", 1, 0, 1000000000,
                                                  "draws the 20 training points and their noise (cubic)"))),
        bind(&S::seed, int_param("seed", 1, 0, 1000000000,
                                 "draws the initial weights, the weight noise eps and the batches")),
        bind(&S::hidden,
             only(cubic,
                  int_list_param("hidden", {10, 10}, 1, 32,
                                 "hidden layer sizes, comma separated (cubic; mnist_hidden for mnist)", 3))),
        bind(&S::activation, choice_param("activation", activation_table(), {"relu", "tanh", "sigmoid"},
                                          "relu", "hidden-unit nonlinearity")),
        bind(&S::prior_sd,
             only(both(cubic, bbb),
                  float_param("prior_sd", 3, 0.01, 100, "",
                              "sigma of the prior N(0, sigma^2) on every weight (bbb, cubic)", true))),
        bind(&S::sigma_init, only(bbb, float_param("sigma_init", 0.01, 1e-4, 1, "",
                                                   "initial posterior sigma of every weight (bbb)", true))),
        bind(&S::init_scale,
             float_param("init_scale", 1.0, 0.01, 10, "", "mu ~ N(0, init_scale^2 / fan_in)", true)),
        bind(&S::lr, only(cubic, float_param("lr", 0.01, 1e-5, 1, "", "Adam learning rate (cubic)", true))),
        bind(&S::batch,
             only(cubic, int_param("batch", 20, 1, kTrainPoints,
                                   "mini-batch size B; the NLL of a batch is scaled by N/B (cubic)"))),
        bind(&S::epochs,
             only(cubic, int_param("epochs", 3000, 1, 100000,
                                   "passes over the 20 training points (cubic; mnist_epochs for mnist)"))),
        bind(&S::test_samples,
             only(both(cubic, bbb),
                  int_param("test_samples", 100, 2, 500,
                            "weight samples for the predictive mean and sigma (bbb, cubic)"))),
        bind(&S::fits,
             only(both(cubic, mle),
                  int_param("fits", 5, 1, 10, "maximum-likelihood networks drawn together (mle, cubic)"))),
        bind(&S::vary,
             only(both(cubic, mle),
                  choice_param("vary", {"seed", "data_seed"}, 0,
                               "what differs between the mle fits: the initial weights or the training "
                               "data (cubic)"))),
        bind(&S::log_every,
             only(cubic, int_param("log_every", 10, 1, 10000,
                                   "epochs between two rows of the curves (cubic; mnist logs every "
                                   "epoch)"))),
        bind(&S::mnist_hidden,
             only(mnist, int_list_param("mnist_hidden", {50}, 1, 400,
                                        "hidden layer sizes of the classifier 784-...-10 (mnist)", 3))),
        bind(&S::mnist_prior_sd,
             only(both(mnist, bbb),
                  float_param(
                      "mnist_prior_sd", 0.2, 0.001, 10, "",
                      "sigma of the prior N(0, sigma^2) on every weight of the classifier (mnist, bbb)",
                      true))),
        bind(&S::mnist_lr, only(mnist, float_param("mnist_lr", 0.003, 1e-5, 1, "",
                                                   "Adam learning rate of the classifier (mnist)", true))),
        bind(&S::mnist_batch, only(mnist, int_param("mnist_batch", 50, 1, 8000,
                                                    "mini-batch size B of the classifier (mnist)"))),
        bind(&S::mnist_epochs, only(mnist, int_param("mnist_epochs", 5, 1, 100,
                                                     "passes over the 8,000 training digits (mnist; `epochs` "
                                                     "counts the passes of the cubic task)"))),
        bind(&S::mnist_samples,
             only(both(mnist, bbb),
                  int_param("mnist_samples", 20, 2, 200,
                            "weight samples averaged into the predictive of every test image (mnist, bbb)"))),
    };
    return fields;
}

BayesByBackpropLab::BayesByBackpropLab() : Lab(specs_of(bayes_by_backprop_fields())) {}

bool BayesByBackpropLab::done() const {
    if (classifying()) return classifier.trainer.done() || !error.empty();
    return trainer.done() || !error.empty();
}

double BayesByBackpropLab::progress() const {
    if (classifying()) return started_ ? classifier.trainer.progress() : 0;
    return trainer.progress();
}

std::vector<const MetricLog*> BayesByBackpropLab::logs() const {
    if (classifying()) return {&classifier.trainer.epochs, &classifier.trainer.batches, &classifier.entropy};
    return {&trainer.epochs, &predictive};
}

void BayesByBackpropLab::reset() {
    clear_error();
    started_ = true;
    settings_ = read_settings(bayes_by_backprop_fields(), params);
    classifying_ = settings_.task == "mnist";
    trainer = Trainer();
    samples_seen_ = 0;
    if (classifying_) {
        reset_classifier();
        return;
    }
    train_.clear(), nets_.clear(), optimizers_.clear();
    functions.resize(0, 0);
    nll_sum_ = 0, kl_sum_ = 0, samples_ = 0;
    predictive = MetricLog("predictive", {"x", "truth", "mean", "sigma"});
    nll_.noise_sd = settings_.noise;

    const uint64_t data_seed = uint64_t(settings_.data_seed), seed = uint64_t(settings_.seed);
    const bool vary_data = settings_.vary == "data_seed";
    const int count = bayesian() ? 1 : settings_.fits;
    std::vector<int> sizes = {1};
    sizes.insert(sizes.end(), settings_.hidden.begin(), settings_.hidden.end());
    sizes.push_back(1);
    const ActivationKind act = activation_table().find(settings_.activation).value;

    grid_ = Dataset();
    grid_.x = cubic_data(data_seed, 0, nll_.noise_sd).test.x;
    stacked_ = Dataset();
    stacked_.x.resize(count, kTrainPoints), stacked_.y.resize(count, kTrainPoints);
    for (int k = 0; k < count; ++k) {
        const uint64_t fit = uint64_t(k);  // fit k: index k of the init stream, or of the toy-data stream
        train_.push_back(cubic_data(data_seed, vary_data ? fit : 0, nll_.noise_sd).train);
        stacked_.x.row(k) = train_.back().x, stacked_.y.row(k) = train_.back().y;
        Rng init_rng = random_stream(seed, Stream::Init, vary_data ? 0 : fit);
        if (bayesian())
            nets_.push_back(
                make_bayes_mlp(sizes, act, init_rng, settings_.init_scale, settings_.sigma_init, seed));
        else
            nets_.push_back(Mlp(sizes, act, init_rng, settings_.init_scale));
        optimizers_.push_back(make_optimizer("adam", settings_.lr));
    }
    double weights = 0;
    for (size_t l = 1; l < sizes.size(); ++l) weights += sizes[l - 1] * sizes[l];

    TrainerSetup setup;
    setup.phases = {{"fit", &stacked_, settings_.epochs}};
    setup.eval_sets = {{"grid", &grid_}};
    setup.columns = {"nll",     "kl",       "neg_elbo",  "test_rmse",
                     "rmse_in", "sigma_in", "sigma_out", "sigma_ratio_out_in"};
    setup.batch = settings_.batch;
    setup.eval_every = settings_.log_every;
    setup.evaluate_at_start = true;  // the untrained prediction, row epoch 0: the panel starts with it
    setup.work_per_step = kMacsPerStep / (3 * weights * count);  // a trained sample: forward + backward
    setup.seed = seed;
    setup.advice = "lower the learning rate (lr, now " + params.text("lr") + ")";
    trainer.hooks.end_epoch = [this] { return log_row(); };
    trainer.start(model_, setup);
    while (trainer.evaluating()) trainer.step();
}

void BayesByBackpropLab::reset_classifier() {
    try {
        classifier.start(settings_);
    } catch (const DataError& e) {
        fail(Problem::BadData, e.what());
        started_ = false;
    }
}

void BayesByBackpropLab::step() {
    if (done()) return;
    Trainer& active = classifying() ? classifier.trainer : trainer;
    active.step();
    error = active.error;
    samples_seen_ = active.samples_seen;
}

int BayesByBackpropLab::Model::eval_passes() const { return lab.bayesian() ? lab.settings_.test_samples : 1; }

// Every network on its own batch (row k), minimising
// bbb: F = (N/B) sum_b NLL_b + KL(q || prior)      mle: (N/B) sum_b NLL_b
ChunkResult BayesByBackpropLab::Model::train_chunk(const Mat& x, const Mat& y) {
    ChunkResult result;
    for (size_t k = 0; k < lab.nets_.size(); ++k) {
        const Eigen::Index row = Eigen::Index(k);
        Mlp& net = lab.nets_[k];
        ElboTerms terms;
        if (lab.bayesian()) {
            terms =
                elbo_backward(net, lab.nll_, x.row(row), y.row(row), kTrainPoints, lab.settings_.prior_sd);
        } else {
            const Mat out = net.forward(x.row(row), true);
            terms.nll = kTrainPoints * lab.nll_.value(out, y.row(row));
            Backprop().backward(net, kTrainPoints * lab.nll_.grad(out, y.row(row)));
        }
        lab.nll_sum_ += terms.nll * double(x.cols()) / kTrainPoints;  // a batch's share of the epoch
        lab.kl_sum_ += terms.kl * double(x.cols()) / kTrainPoints;
        result.loss += terms.nll / double(lab.nets_.size());
    }
    lab.samples_ += int(x.cols());
    return result;
}

void BayesByBackpropLab::Model::update() {
    for (size_t k = 0; k < lab.nets_.size(); ++k) lab.optimizers_[k]->step(lab.nets_[k].params());
}

std::vector<Param*> BayesByBackpropLab::Model::params() {
    std::vector<Param*> all;
    for (Mlp& net : lab.nets_)
        for (Param* p : net.params()) all.push_back(p);
    return all;
}

// The weight samples of the predictive have their own noise, so test_samples and log_every leave training
// alone; the same eps at every evaluation: the curves over epochs are not jittered.
void BayesByBackpropLab::Model::begin_evaluation() {
    if (!lab.bayesian()) return;
    lab.functions.resize(eval_passes(), lab.grid_.size());
    const std::vector<BayesLinear*> layers = bayes_layers(lab.nets_[0]);
    lab.evaluation_noise_.clear();
    for (size_t l = 0; l < layers.size(); ++l) {
        lab.evaluation_noise_.push_back(random_stream(uint64_t(lab.settings_.seed), Stream::EvalNoise, l));
        std::swap(layers[l]->noise, lab.evaluation_noise_[l]);
    }
}

// bbb: the function of weight sample `pass`. mle: every fit.
Mat BayesByBackpropLab::Model::predict(const Mat& x, int pass) {
    if (lab.bayesian()) {
        lab.functions.row(pass) = sample_functions(lab.nets_[0], x, 1);
        return lab.functions.row(pass);
    }
    lab.functions.resize(Eigen::Index(lab.nets_.size()), x.cols());
    for (size_t k = 0; k < lab.nets_.size(); ++k) lab.functions.row(Eigen::Index(k)) = lab.nets_[k].infer(x);
    return lab.functions;
}

void BayesByBackpropLab::Model::end_evaluation() {
    if (!lab.bayesian()) return;
    const std::vector<BayesLinear*> layers = bayes_layers(lab.nets_[0]);
    for (size_t l = 0; l < layers.size(); ++l) std::swap(layers[l]->noise, lab.evaluation_noise_[l]);
}

// Predictive mean and sigma over the sampled functions (bbb) or the fits (mle), on the grid over [-5, 5].
std::vector<double> BayesByBackpropLab::log_row() {
    const Mat& grid = grid_.x;
    const RowVec mean = functions.colwise().mean();
    // sigma(x) = sqrt(mean_s (f_s(x) - mean(x))^2)
    const RowVec sigma = (functions.rowwise() - mean).array().square().colwise().mean().sqrt();
    const RowVec truth = grid.array().cube();
    const Mask inside = grid.array().abs() <= kTrainEdge + 1e-9;
    const RowVec squared_error = (mean - truth).array().square();  // against x^3
    const double test_rmse = std::sqrt(squared_error.mean());      // on [-5, 5]
    const double rmse_in = std::sqrt(mean_where(inside, squared_error));
    const double sigma_in = mean_where(inside, sigma), sigma_out = mean_where(!inside, sigma);

    predictive.clear();
    for (Eigen::Index i = 0; i < grid.cols(); ++i) predictive.add({grid(0, i), truth(i), mean(i), sigma(i)});
    // per network and epoch
    const double epochs = double(samples_) / kTrainPoints * double(nets_.size());
    const double nll = samples_ ? nll_sum_ / epochs : kNaN;
    const double kl = samples_ && bayesian() ? kl_sum_ / epochs : kNaN;
    const std::string why_no_kl = samples_ ? kNoKl : kNoTraining;
    trainer.epochs.explain_next("nll", kNoTraining);
    trainer.epochs.explain_next("kl", why_no_kl);
    trainer.epochs.explain_next("neg_elbo", why_no_kl);
    trainer.epochs.explain_next("sigma_ratio_out_in",
                                "sigma_in is 0: a single function has no spread (fits=1)");
    nll_sum_ = 0, kl_sum_ = 0, samples_ = 0;
    return {nll, kl, nll + kl, test_rmse, rmse_in, sigma_in, sigma_out, sigma_out / sigma_in};
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
