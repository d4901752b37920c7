#include "labs/regularization/regularization_lab.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include "engine/batch_norm.h"
#include "engine/dropout.h"
#include "engine/random_streams.h"
#include "engine/regularizers.h"
#include "labs/task_data.h"

namespace pl {

namespace {

constexpr int kValidationSize = 1000;  // the last digits of the shuffled training set, never trained on

std::vector<int> shuffled_indices(int n) {
    std::vector<int> idx(static_cast<size_t>(n));
    std::iota(idx.begin(), idx.end(), 0);
    Rng rng = random_stream(0, Stream::Fixed);  // one order of the (class-sorted) digits for every run
    rng.shuffle(idx);
    return idx;
}

// Every trained and running value of the network (params, then batch-norm statistics), layer by layer.
std::vector<Mat*> network_state(Mlp& net) {
    std::vector<Mat*> state;
    for (auto& layer : net.layers) {
        for (Param* p : layer->params()) state.push_back(&p->value);
        for (Mat* m : layer->buffers()) state.push_back(m);
    }
    return state;
}

std::string number_text(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

}  // namespace

const LabInfo RegularizationLab::kInfo = {"regularization", "Regularization",
                                          "Overfitting and its cures: L2, dropout, early stopping, ..."};

const Regularizers RegularizationLab::kRecommended = [] {
    Regularizers r;
    r.dropout = 0.2;
    r.augment = true;
    r.augmentation.shift = 2;
    r.augmentation.rotation = 10;
    r.augmentation.elastic = 30;
    r.augmentation.noise = 0;
    return r;
}();

std::string Regularizers::summary() const {
    std::string out;
    auto add = [&](const std::string& item) { out += (out.empty() ? "" : ", ") + item; };
    if (l2 > 0) add("L2 " + number_text(l2));
    if (l1 > 0) add("L1 " + number_text(l1));
    if (dropout > 0) add("dropout " + number_text(dropout));
    if (input_dropout > 0) add("input dropout " + number_text(input_dropout));
    if (max_norm > 0) add("max-norm " + number_text(max_norm));
    if (early_stopping) add("early stopping (patience " + std::to_string(patience) + ")");
    if (augment) {
        std::string parts;
        auto part = [&](double v, const std::string& what, const std::string& unit) {
            if (v > 0) parts += (parts.empty() ? "" : ", ") + what + " " + number_text(v) + unit;
        };
        part(augmentation.shift, "shift", " px");
        part(augmentation.rotation, "rotation", " deg");
        part(augmentation.elastic, "elastic", " px");
        part(augmentation.noise, "noise", "");
        add("augmentation (" + (parts.empty() ? std::string("all strengths 0") : parts) + ")");
    }
    if (batch_norm) add("batch norm");
    return out.empty() ? "none" : out;
}

std::string Regularizers::query() const {
    std::string out =
        "l2=" + number_text(l2) + "&l1=" + number_text(l1) + "&dropout=" + number_text(dropout) +
        "&input_dropout=" + number_text(input_dropout) + "&max_norm=" + number_text(max_norm) +
        "&early_stopping=" + (early_stopping ? "true" : "false") + "&patience=" + std::to_string(patience) +
        "&augment=" + (augment ? "true" : "false") + "&batch_norm=" + (batch_norm ? "true" : "false");
    if (augment)
        out += "&shift=" + number_text(augmentation.shift) +
               "&rotation=" + number_text(augmentation.rotation) +
               "&elastic=" + number_text(augmentation.elastic) +
               "&pixel_noise=" + number_text(augmentation.noise);
    return out;
}

const Fields<RegularizationSettings>& regularization_fields() {
    using R = Regularizers;
    static const Fields<RegularizationSettings> fields = [] {
        ParamSpec patience =
            int_param("patience", 5, 1, 100, "epochs without a new best validation loss before stopping");
        patience.applies = when("early_stopping", {"true"});
        Fields<R> regularizers = {
            bind(&R::l2, float_param("l2", 0, 0, 0.1, "",
                                     "L2 weight decay lambda: L += lambda/2 ||W||^2 (0 = off)", true)),
            bind(&R::l1,
                 float_param("l1", 0, 0, 0.01, "", "L1 penalty lambda: L += lambda |W|_1 (0 = off)", true)),
            bind(&R::dropout, float_param("dropout", 0, 0, 0.9, "",
                                          "drop rate after every hidden layer, inverted scaling (0 = off)")),
            bind(&R::input_dropout,
                 float_param("input_dropout", 0, 0, 0.9, "", "drop rate of the input pixels (0 = off)")),
            bind(&R::max_norm, float_param("max_norm", 0, 0, 10, "",
                                           "bound c on each unit's incoming weight norm (0 = off)")),
            bind(&R::early_stopping,
                 bool_param(
                     "early_stopping", false,
                     "stop once the validation loss has not improved for `patience` epochs; restore the "
                     "best weights")),
            bind(&R::patience, patience),
            bind(&R::augment, bool_param("augment", false,
                                         "train on randomly shifted, rotated, distorted and noisy digits")),
        };
        // The strengths apply with augment off too: the panel's grid of augmented samples shows them.
        for (const Field<R>& f : nested(
                 &R::augmentation,
                 Fields<AugmentOptions>{
                     bind(&AugmentOptions::shift,
                          float_param("shift", 2, 0, 6, "px", "augmentation: largest shift along each axis")),
                     bind(&AugmentOptions::rotation,
                          float_param("rotation", 10, 0, 45, "deg", "augmentation: largest rotation")),
                     bind(&AugmentOptions::elastic,
                          float_param("elastic", 30, 0, 60, "px",
                                      "augmentation: elastic distortion alpha (sigma 4 px; 0 = off)")),
                     bind(&AugmentOptions::noise,
                          float_param("pixel_noise", 0, 0, 0.5, "",
                                      "augmentation: sd of the Gaussian pixel noise")),
                 }))
            regularizers.push_back(f);
        regularizers.push_back(
            bind(&R::batch_norm,
                 bool_param("batch_norm", false, "batch normalization before every hidden nonlinearity")));
        Fields<RegularizationSettings> own = {
            bind(
                &RegularizationSettings::train_size,
                int_param("train_size", 1000, 100, 7000,
                          "training digits: the first n of the subset's 8,000 in a fixed shuffled order (its "
                          "last 1,000 validate)")),
        };
        for (const Field<RegularizationSettings>& f :
             nested(&RegularizationSettings::regularizers, regularizers))
            own.push_back(f);
        return supervised_fields(own,
                                 {.hidden = {256},
                                  .max_hidden = 2048,
                                  .lr = 0.001,
                                  .lr_decay = 1,
                                  .epochs = 30,
                                  .log_every = 10,
                                  .seed_help = "seeds the data order, the initial weights, masks and warps"});
    }();
    return fields;
}

RegularizationLab::RegularizationLab()
    : SupervisedLab(specs_of(regularization_fields()),
                    {
                        {"none", "every regularizer off", Regularizers{}.query()},
                        {"recommended", kRecommended.summary(), kRecommended.query()},
                    }) {}

void RegularizationLab::reset() {
    clear_error();
    settings_ = read_settings(regularization_fields(), params);
    best_state_.clear();
    best_epoch_ = 0;
    if (!mnist_) {
        try {
            mnist_ = task_data("mnist", 0);
        } catch (const DataError& e) {
            fail_to_start(Problem::BadData, e.what());
            return;
        }
    }
    const Dataset& all = mnist_->train;
    const int train_size = settings_.train_size;
    if (train_size > all.size() - kValidationSize) {
        fail_to_start(Problem::BadSettings,
                      "train_size=" + std::to_string(train_size) +
                          " leaves no validation digits: the subset has " + std::to_string(all.size()) +
                          " training digits, use at most " + std::to_string(all.size() - kValidationSize));
        return;
    }
    if (order_.empty()) {
        order_ = shuffled_indices(all.size());
        validation_ = all.subset(std::vector<int>(order_.end() - kValidationSize, order_.end()));
    }
    if (!data_ || data_->train.size() != train_size) {
        auto split = std::make_shared<Split>();
        split->train = all.subset(std::vector<int>(order_.begin(), order_.begin() + train_size));
        split->test = mnist_->test;
        data_ = split;
    }

    augment_rng_ = random_stream(uint64_t(settings_.training.seed), Stream::Augment);
    run.validation = &validation_;
    run.whole_batches = regularizers().batch_norm;
    TrainerHooks& hooks = run.trainer.hooks;
    hooks.transform_batch = nullptr;
    if (regularizers().augment)
        hooks.transform_batch = [this](Mat& x, Mat&) {
            x = augment(x, data_->train.width, data_->train.height, regularizers().augmentation,
                        augment_rng_);
        };
    hooks.before_update = [this] {
        if (regularizers().l2 > 0) add_l2_grad(run.net.linears(), regularizers().l2);
        if (regularizers().l1 > 0) add_l1_grad(run.net.linears(), regularizers().l1);
    };
    hooks.after_update = [this] {
        if (regularizers().max_norm > 0) project_max_norm(run.net.linears(), regularizers().max_norm);
    };
    hooks.stop_after_epoch = [this] { return early_stop_check(); };
    start_run(make_regularized_net(), std::make_unique<Backprop>(), settings_.training);
}

// make_net's layers (the same initial weights whatever the regularizers), with input dropout first,
// batch norm before and dropout after every hidden nonlinearity.
Mlp RegularizationLab::make_regularized_net() const {
    const Regularizers& active = settings_.regularizers;
    const uint64_t seed = uint64_t(settings_.training.seed);
    Mlp plain = make_net(settings_.network, settings_.training);
    Mlp net;
    // each dropout layer draws its masks from its own stream: index 0 for the input, l after hidden layer l
    if (active.input_dropout > 0)
        net.add(std::make_unique<Dropout>(active.input_dropout, stream_seed(seed, Stream::Dropout, 0)));
    int width = 0, hidden_index = 0;
    for (auto& layer : plain.layers) {
        const bool is_activation = dynamic_cast<Activation*>(layer.get()) != nullptr;
        if (auto* linear = dynamic_cast<Linear*>(layer.get())) width = linear->out();
        if (is_activation) ++hidden_index;
        if (is_activation && active.batch_norm) net.add(std::make_unique<BatchNorm>(width, hidden_index));
        net.add(std::move(layer));
        if (is_activation && active.dropout > 0)
            net.add(std::make_unique<Dropout>(active.dropout,
                                              stream_seed(seed, Stream::Dropout, uint64_t(hidden_index))));
    }
    return net;
}

bool RegularizationLab::early_stop_check() {
    const double valid_loss = run.trainer.epochs.last("valid_loss");
    if (best_epoch_ == 0 || valid_loss < best_valid_loss_) {
        best_epoch_ = run.trainer.epoch();
        best_valid_loss_ = valid_loss;
        if (regularizers().early_stopping) {
            best_state_.clear();
            for (Mat* m : network_state(run.net)) best_state_.push_back(*m);
        }
    }
    if (!regularizers().early_stopping) return false;
    const bool out_of_patience = run.trainer.epoch() - best_epoch_ >= regularizers().patience;
    if (out_of_patience ||
        run.trainer.epoch() >= settings_.training.epochs) {  // the run ends with the best weights
        std::vector<Mat*> state = network_state(run.net);
        for (size_t i = 0; i < state.size(); ++i) *state[i] = best_state_[i];
    }
    return out_of_patience;
}

std::vector<std::pair<std::string, double>> RegularizationLab::final_metrics() const {
    const MetricLog& epochs = run.trainer.epochs;
    const int row =
        regularizers().early_stopping ? best_epoch_ - 1 : epochs.rows() - 1;  // -1 before the first epoch
    auto at = [&](const char* column) { return row < 0 ? std::nan("") : epochs.column(column)[size_t(row)]; };
    return {{"train_acc", at("train_acc")},
            {"test_acc", at("test_acc")},
            {"gap", at("train_acc") - at("test_acc")},
            {"epoch_stopped", double(epochs.rows())},
            {"best_epoch", double(best_epoch_)},
            {"train_loss", at("train_loss")},
            {"test_loss", at("test_loss")},
            {"valid_acc", at("valid_acc")}};
}

double RegularizationLab::test_accuracy(int samples, int batch) {
    const Dataset& test = data_->test;
    const int n = std::min(samples, test.size());
    const int chunk = batch > 0 ? batch : n;
    const std::vector<int> order =
        shuffled_indices(test.size());  // the file is sorted by class: mix the batches
    std::vector<Mat> running;           // a training-mode forward of batch norm updates its running averages
    for (Mat* m : network_state(run.net)) running.push_back(*m);
    int correct = 0;
    for (int first = 0; first < n; first += chunk) {
        const std::vector<int> idx(order.begin() + first, order.begin() + first + std::min(chunk, n - first));
        Mat a = test.x(Eigen::all, idx);
        for (auto& layer : run.net.layers)
            a = layer->forward(a, batch > 0 && dynamic_cast<BatchNorm*>(layer.get()) != nullptr);
        correct += correct_count(a, test.y(Eigen::all, idx));
    }
    std::vector<Mat*> state = network_state(run.net);
    for (size_t i = 0; i < state.size(); ++i) *state[i] = running[i];
    return double(correct) / n;
}

Mat RegularizationLab::augmented_samples(int digits, int variants, uint64_t draw) const {
    const Dataset& train = data_->train;
    const int n = std::min(digits, train.size());
    Rng rng = random_stream(draw, Stream::View);
    Mat tiles(train.x.rows(), n * (variants + 1));
    for (int d = 0; d < n; ++d) {
        const Mat copies = train.x.col(d).replicate(1, variants);
        tiles.col(d * (variants + 1)) = train.x.col(d);
        tiles.middleCols(d * (variants + 1) + 1, variants) =
            augment(copies, train.width, train.height, regularizers().augmentation, rng);
    }
    return tiles;
}

}  // namespace pl
