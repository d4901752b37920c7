#include "labs/supervised_run.h"
#include <cmath>
#include <limits>
#include <numeric>
#include "engine/metrics.h"

namespace pl {

namespace {
constexpr int kEvalChunk = 100;  // samples per evaluation step: keeps one step() well under 30 ms in wasm
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

void SupervisedRun::start(Mlp net_, std::unique_ptr<Loss> loss_, std::unique_ptr<LearningRule> rule_,
                          std::unique_ptr<Optimizer> optimizer_, const Split* data_, int batch,
                          int epochs_total, int log_every, double lr_decay, uint64_t seed) {
    net = std::move(net_);
    loss = std::move(loss_);
    rule = std::move(rule_);
    optimizer = std::move(optimizer_);
    data = data_;
    batch_ = batch, epochs_total_ = epochs_total, log_every_ = log_every, lr_decay_ = lr_decay;
    rng_ = Rng(seed);
    epoch_ = 0, position_ = 0, batches_done_ = 0, loss_sum_ = 0, loss_count_ = 0, samples_seen = 0;
    error.clear();
    test_predictions.clear();
    confusion = Eigen::MatrixXi::Zero(data->train.classes, data->train.classes);

    std::vector<std::string> epoch_columns = {"epoch", "train_loss", "test_loss", "train_acc", "test_acc"};
    if (validation) epoch_columns.insert(epoch_columns.end(), {"valid_loss", "valid_acc"});
    epoch_columns.insert(epoch_columns.end(), extra_columns.begin(), extra_columns.end());
    epochs = MetricLog("epochs", epoch_columns);
    std::vector<std::string> columns = {"batch", "batch_loss"};
    for (size_t l = 1; l <= net.linears().size(); ++l) {
        columns.push_back("w_norm_" + std::to_string(l));
        columns.push_back("grad_norm_" + std::to_string(l));
    }
    batches = MetricLog("batches", columns);

    order_.resize(size_t(data->train.size()));
    std::iota(order_.begin(), order_.end(), 0);
    rng_.shuffle(order_);
    phase_ = Phase::Train;
}

void SupervisedRun::step() {
    if (phase_ == Phase::Done || !error.empty()) return;
    if (phase_ == Phase::Train)
        train_batch();
    else if (phase_ == Phase::EvalTrain)
        eval_chunk(data->train, phase_);
    else if (phase_ == Phase::EvalTest)
        eval_chunk(data->test, phase_);
    else
        eval_chunk(*validation, phase_);
}

void SupervisedRun::train_batch() {
    const Dataset& train = data->train;
    int end = std::min(position_ + batch_, train.size());
    std::vector<int> idx(order_.begin() + position_, order_.begin() + end);
    Mat x = train.x(Eigen::all, idx);
    if (transform_batch) x = transform_batch(x);
    Mat y = train.y(Eigen::all, idx);

    Mat out = net.forward(x, true);
    double batch_loss = loss->value(out, y);
    if (!std::isfinite(batch_loss)) {
        error = "training diverged in epoch " + std::to_string(epoch_ + 1) + ", batch " +
                std::to_string(batches_done_ + 1) + ": the loss is " +
                (std::isnan(batch_loss) ? "NaN" : "infinite") +
                "; lower the learning rate or the init scale and reset";
        return;
    }
    rule->backward(net, loss->grad(out, y));  // fills every param's grad
    if (before_update) before_update();
    optimizer->step(net.params());
    if (after_update) after_update();

    samples_seen += end - position_;
    position_ = end;
    ++batches_done_;
    loss_sum_ += batch_loss, ++loss_count_;

    if (batches_done_ % log_every_ == 0) {
        std::vector<double> row = {double(batches_done_), loss_sum_ / loss_count_};
        for (Linear* layer : net.linears()) {
            row.push_back(layer->W.value.norm());
            row.push_back(layer->W.grad.norm());
        }
        batches.add(row);
        loss_sum_ = 0, loss_count_ = 0;
    }

    if (position_ >= train.size()) {
        phase_ = Phase::EvalTrain;
        position_ = 0, eval_loss_ = 0, eval_correct_ = 0;
    }
}

void SupervisedRun::eval_chunk(const Dataset& set, Phase phase) {
    const bool is_test = phase == Phase::EvalTest;
    int end = std::min(position_ + kEvalChunk, set.size());
    Mat out = net.forward(set.x.middleCols(position_, end - position_), false);
    Mat y = set.y.middleCols(position_, end - position_);
    eval_loss_ += loss->value(out, y) * (end - position_);
    if (set.is_classification()) {
        std::vector<int> predicted = argmax_columns(out);
        if (is_test) test_predictions.resize(size_t(set.size()));
        for (int i = position_; i < end; ++i) {
            int p = predicted[size_t(i - position_)];
            eval_correct_ += p == set.labels[size_t(i)];
            if (is_test) test_predictions[size_t(i)] = p;
        }
    }
    position_ = end;
    if (position_ < set.size()) return;

    double mean_loss = eval_loss_ / set.size();
    double acc = set.is_classification() ? double(eval_correct_) / set.size() : kNaN;
    position_ = 0, eval_loss_ = 0, eval_correct_ = 0;
    if (phase == Phase::EvalTrain) {
        train_loss_ = mean_loss, train_acc_ = acc;
        phase_ = Phase::EvalTest;
    } else if (phase == Phase::EvalTest) {
        if (set.is_classification()) confusion = confusion_matrix(test_predictions, set.labels, set.classes);
        test_loss_ = mean_loss, test_acc_ = acc;
        if (validation)
            phase_ = Phase::EvalValid;
        else
            end_epoch(kNaN, kNaN);
    } else {
        end_epoch(mean_loss, acc);
    }
}

void SupervisedRun::end_epoch(double valid_loss, double valid_acc) {
    ++epoch_;
    std::vector<double> row = {double(epoch_), train_loss_, test_loss_, train_acc_, test_acc_};
    if (validation) row.insert(row.end(), {valid_loss, valid_acc});
    if (extra_values) {
        std::vector<double> extra = extra_values();
        row.insert(row.end(), extra.begin(), extra.end());
    }
    epochs.add(row);
    if (!std::isfinite(test_loss_)) {
        error = "training diverged in epoch " + std::to_string(epoch_) +
                ": the test loss is not finite; lower the learning rate and reset";
        return;
    }
    const bool stop = stop_after_epoch && stop_after_epoch();
    if (stop || epoch_ >= epochs_total_) {
        phase_ = Phase::Done;
        return;
    }
    optimizer->lr *= lr_decay_;
    rng_.shuffle(order_);
    phase_ = Phase::Train;
}

double SupervisedRun::progress() const {
    if (!data || phase_ == Phase::Done) return 1;
    // Work units per epoch: one per training sample, a third of one per evaluated sample (forward only).
    double n_train = data->train.size(), n_test = data->test.size();
    double n_valid = validation ? validation->size() : 0;
    double per_epoch = n_train + (n_train + n_test + n_valid) / 3;
    double in_epoch = phase_ == Phase::Train       ? position_
                      : phase_ == Phase::EvalTrain ? n_train + position_ / 3.0
                      : phase_ == Phase::EvalTest  ? n_train + (n_train + position_) / 3.0
                                                   : n_train + (n_train + n_test + position_) / 3.0;
    return (epoch_ * per_epoch + in_epoch) / (epochs_total_ * per_epoch);
}

Vec SupervisedRun::predict(const Vec& x) { return loss->predict(net.forward(x, false)).col(0); }

Mat SupervisedRun::receptive_fields(int count) {
    const Mat& W = net.linears().front()->W.value;
    int n = std::min<int>(count, int(W.rows()));
    return W.topRows(n).transpose();
}

std::vector<int> SupervisedRun::misclassified(int count) const {
    std::vector<int> out;
    const std::vector<int>& predicted = test_predictions;
    for (size_t i = 0; i < predicted.size() && int(out.size()) < count; ++i)
        if (predicted[i] != data->test.labels[i]) out.push_back(int(i));
    return out;
}

void SupervisedRun::fit_curve(std::vector<double>& x, std::vector<double>& fit, std::vector<double>& truth) {
    const int n = 200;
    double lo = data->test.x.minCoeff(), hi = data->test.x.maxCoeff();
    Mat grid = Eigen::RowVectorXd::LinSpaced(n, lo - 0.5, hi + 0.5);
    Mat out = net.forward(grid, false);
    x.assign(grid.data(), grid.data() + n);
    fit.assign(out.data(), out.data() + n);
    truth.resize(size_t(n));
    for (int i = 0; i < n; ++i) truth[size_t(i)] = std::pow(x[size_t(i)], 3);  // y = x^3
}

Mat SupervisedRun::decision_map(int resolution, double& lo, double& hi) {
    lo = std::min(data->train.x.minCoeff(), data->test.x.minCoeff());
    hi = std::max(data->train.x.maxCoeff(), data->test.x.maxCoeff());
    Mat grid(2, resolution * resolution);
    Vec axis = Vec::LinSpaced(resolution, lo, hi);
    for (int r = 0; r < resolution; ++r)
        for (int c = 0; c < resolution; ++c)
            grid.col(r * resolution + c) << axis(c), axis(resolution - 1 - r);
    Mat p = loss->predict(net.forward(grid, false));
    return p.row(1).transpose();  // (resolution^2) x 1, row-major image, top row = high y
}

}  // namespace pl
