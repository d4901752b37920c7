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

    epochs = MetricLog("epochs", {"epoch", "train_loss", "test_loss", "train_acc", "test_acc"});
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
        eval_chunk(data->train, false);
    else
        eval_chunk(data->test, true);
}

void SupervisedRun::train_batch() {
    const Dataset& train = data->train;
    int end = std::min(position_ + batch_, train.size());
    std::vector<int> idx(order_.begin() + position_, order_.begin() + end);
    Mat x = train.x(Eigen::all, idx);
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
    optimizer->step(net.params());

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

void SupervisedRun::eval_chunk(const Dataset& set, bool is_test) {
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
    if (!is_test) {
        train_loss_ = mean_loss, train_acc_ = acc;
        phase_ = Phase::EvalTest;
        return;
    }
    if (set.is_classification()) confusion = confusion_matrix(test_predictions, set.labels, set.classes);
    ++epoch_;
    epochs.add({double(epoch_), train_loss_, mean_loss, train_acc_, acc});
    if (!std::isfinite(mean_loss)) {
        error = "training diverged in epoch " + std::to_string(epoch_) +
                ": the test loss is not finite; lower the learning rate and reset";
        return;
    }
    if (epoch_ >= epochs_total_) {
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
    double per_epoch = n_train + (n_train + n_test) / 3;
    double in_epoch = phase_ == Phase::Train       ? position_
                      : phase_ == Phase::EvalTrain ? n_train + position_ / 3.0
                                                   : n_train + (n_train + position_) / 3.0;
    return (epoch_ * per_epoch + in_epoch) / (epochs_total_ * per_epoch);
}

}  // namespace pl
