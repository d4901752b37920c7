#include "engine/trainer.h"
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <type_traits>
#include "engine/metrics.h"
#include "engine/random_streams.h"

namespace pl {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Why a column of the trainer's is not a number
const char* const kNoAccuracy = "a regression task has no accuracy (it has no classes)";
const char* const kNoTraining = "no training batch ran before this row";

bool evaluated_after(int epoch, int epoch_in_phase, const TrainingPhase& phase, int eval_every) {
    return epoch % eval_every == 0 || epoch_in_phase == phase.epochs;
}

bool has_labels(const Dataset& set) { return set.is_classification() || set.y.cols() == set.x.cols(); }

// 3 significant digits: 2.37, 6.48e+05
std::string short_number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

std::string nan_or_infinite(const Mat& m) { return m.array().isNaN().any() ? "NaN" : "infinite"; }

// m.allFinite() without its early exit, so compilers vectorise it: the largest exponent field is all ones
// only for an infinity or a NaN. (The two checks of every batch were 7% of a wasm Lab 1 step with allFinite.)
bool all_finite(const Mat& m) {
    using Bits = std::conditional_t<sizeof(Real) == 4, uint32_t, uint64_t>;
    const Bits exponent = Eigen::numext::bit_cast<Bits>(std::numeric_limits<Real>::infinity());  // all ones
    Bits largest = 0;
    for (Eigen::Index i = 0; i < m.size(); ++i)
        largest = std::max(largest, Bits(Eigen::numext::bit_cast<Bits>(m.data()[i]) & exponent));
    return largest != exponent;
}

// Every column of `outputs` equals `first` exactly (an empty chunk, e.g. a model that reports no outputs:
// no).
bool same_output(const Mat& outputs, const Vec& first) {
    return outputs.size() > 0 && first.rows() == outputs.rows() &&
           ((outputs.colwise() - first).array() == 0).all();
}

// A weight matrix: a param of several columns (a bias, a column, may still learn in a dead net)
bool is_weight_matrix(const Param* p) { return p->value.cols() > 1; }
}  // namespace

int correct_count(const Mat& outputs, const Mat& y) {
    const std::vector<int> predicted = argmax_columns(outputs), truth = argmax_columns(y);
    int correct = 0;
    for (size_t i = 0; i < predicted.size(); ++i) correct += predicted[i] == truth[i];
    return correct;
}

void Trainer::start(TrainerModel& model, TrainerSetup setup) {
    model_ = &model;
    setup_ = std::move(setup);
    if (setup_.phases.empty()) throw std::invalid_argument("Trainer: no training phase");
    if (setup_.columns.empty())
        for (const EvaluationSet& set : setup_.eval_sets) {
            setup_.columns.push_back(set.name + "_loss");
            setup_.columns.push_back(set.name + "_acc");
        }
    std::vector<std::string> epoch_columns = {"epoch"};
    if (setup_.phases.size() > 1) epoch_columns.push_back("phase");
    epoch_columns.insert(epoch_columns.end(), setup_.columns.begin(), setup_.columns.end());
    epochs = MetricLog("epochs", epoch_columns);
    std::vector<std::string> batch_columns = {"batch", "batch_loss"};
    if (setup_.batch_acc) batch_columns.push_back("batch_acc");
    for (const std::string& c : model.batch_columns()) batch_columns.push_back(c);
    batches = MetricLog("batches", batch_columns);

    error.clear();
    samples_seen = 0;
    order_rng_ = random_stream(setup_.seed, Stream::DataOrder);
    phase_ = 0, epoch_ = 0, epoch_in_phase_ = 0, batches_done_ = 0;
    train_loss_ = 0, train_correct_ = 0, train_count_ = 0;
    log_loss_ = 0, log_correct_ = 0, log_count_ = 0, epoch_seconds_ = 0;
    start_loss_ = 0, start_samples_ = 0, dead_batches_ = 0;
    outputs_.assign(setup_.eval_sets.size(), Mat());
    output_sums_.assign(setup_.eval_sets.size(), Mat());
    grad_sum_.clear();
    for (Param* p : model.params()) grad_sum_.push_back(Mat::Zero(p->value.rows(), p->value.cols()));

    // Work: one unit per trained sample, eval_cost per evaluated sample and pass.
    double eval_work = 0;
    for (const EvaluationSet& set : setup_.eval_sets)
        eval_work += set.data->size() * model.eval_passes() * model.eval_cost();
    work_done_ = 0;
    work_total_ = setup_.evaluate_at_start ? eval_work : 0;
    int epoch = 0;
    for (const TrainingPhase& phase : setup_.phases)
        for (int e = 1; e <= phase.epochs; ++e) {
            ++epoch;
            work_total_ += phase.data->size();
            if (evaluated_after(epoch, e, phase, setup_.eval_every)) work_total_ += eval_work;
        }

    if (setup_.evaluate_at_start)
        begin_evaluation();
    else
        begin_epoch();
}

void Trainer::begin_epoch() {
    order_.resize(size_t(train_data().size()));
    std::iota(order_.begin(), order_.end(), 0);
    order_rng_.shuffle(order_);
    position_ = 0, chunk_start_ = 0;
    batch_x_.resize(0, 0);
    stage_ = Stage::Train;
}

void Trainer::step() {
    if (done()) return;
    if (stage_ == Stage::EndPhase) {  // boundary work: one slice per step
        end_phase_slice();
        return;
    }
    if (stage_ == Stage::BeforeRow) {  // the row's work: one slice per step
        if (hooks.before_row()) end_evaluation();
        return;
    }
    const int rows = epochs.rows();
    double work = 0;
    do {
        work += stage_ == Stage::Train ? train_chunk() : eval_chunk();
    } while (!done() && !chunk_pending_ && stage_ != Stage::BeforeRow && work < setup_.work_per_step &&
             epochs.rows() == rows);
}

void Trainer::diverged(const std::string& what, const std::string& advice) {
    error = "training diverged in epoch " + std::to_string(epoch_ + 1) + ", batch " +
            std::to_string(batches_done_ + 1) + ": " + what + "; " +
            (advice.empty() ? setup_.advice : advice);
}

// The divergence rule on a complete batch (mean loss `loss`), its gradients ready for the update.
void Trainer::check_batch(double loss) {
    const std::vector<Param*> params = model_->params();
    for (Param* p : params)
        if (!all_finite(p->grad)) {
            diverged("the gradient of " + p->name + " is not finite (" + nan_or_infinite(p->grad) +
                     ") before the update");
            return;
        }
    const int batch_size = int(batch_x_.cols());
    if (start_samples_ < std::min(kStartSamples, train_data().size())) {  // the start is still being made
        start_loss_ = std::max(start_loss_, std::abs(loss));
        start_samples_ += batch_size;
    } else if (start_loss_ > 0 && loss > kLossGrowthLimit * start_loss_) {
        diverged("the loss grew from " + short_number(start_loss_) + " to " + short_number(loss) + " (over " +
                 short_number(kLossGrowthLimit) + "x its start)");
        return;
    }
    const bool weights_still = std::all_of(params.begin(), params.end(), [](const Param* p) {
        return !is_weight_matrix(p) || (p->grad.array() == 0).all();
    });
    dead_batches_ = weights_still && batch_same_output_ && batch_size > 1 ? dead_batches_ + 1 : 0;
    if (dead_batches_ < kDeadBatches) return;
    const std::string dead =
        " every weight gradient was exactly 0 and the net gave the same output for every "
        "input, so it predicts at chance (loss " +
        short_number(loss) + ")";
    if (dead_batches_ == batches_done_ + 1)  // never alive: no learning rate revives it
        diverged("the net is dead from its first batch: in each of its " + std::to_string(kDeadBatches) +
                     " batches" + dead,
                 setup_.dead_advice);
    else
        diverged("the net has gone dead: in each of the last " + std::to_string(kDeadBatches) + " batches" +
                 dead);
}

double Trainer::train_chunk() {
    const auto t0 = std::chrono::steady_clock::now();
    const Dataset& train = train_data();
    if (batch_x_.cols() == 0) {  // a new batch: its samples, transformed
        const int end = std::min(position_ + setup_.batch, train.size());
        const std::vector<int> idx(order_.begin() + position_, order_.begin() + end);
        batch_x_ = train.x(Eigen::all, idx);
        batch_y_ = train.y(Eigen::all, idx);
        if (hooks.transform_batch) hooks.transform_batch(batch_x_, batch_y_);
        position_ = end, chunk_start_ = 0;
    }
    const int batch_size = int(batch_x_.cols());
    const int n = std::min(model_->chunk_size(), batch_size - chunk_start_);
    const Mat y = batch_y_.middleCols(chunk_start_, n);
    ChunkResult result = model_->train_chunk(batch_x_.middleCols(chunk_start_, n), y);
    chunk_pending_ = !result.finished;
    if (chunk_pending_) {  // goes on at the next step
        epoch_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return 0;
    }
    if (hooks.extra_loss) result.loss += hooks.extra_loss();
    if (!std::isfinite(result.loss)) {
        diverged(std::string("the loss is not finite (") + (std::isnan(result.loss) ? "NaN" : "infinite") +
                 ")");
        return n;
    }
    if (chunk_start_ == 0) {
        batch_loss_ = 0;
        if (result.outputs.cols() > 0) first_output_ = result.outputs.col(0);
    }
    batch_loss_ += result.loss * n / batch_size;
    batch_same_output_ =
        (chunk_start_ == 0 || batch_same_output_) && same_output(result.outputs, first_output_);
    const std::vector<Param*> params = model_->params();
    const bool one_chunk = n == batch_size;
    if (!one_chunk)  // chunk mean -> batch mean: weighted by the chunk's share of the batch
        for (size_t k = 0; k < params.size(); ++k) grad_sum_[k] += (double(n) / batch_size) * params[k]->grad;
    const int correct = train.is_classification() ? correct_count(result.outputs, y) : 0;
    train_loss_ += result.loss * n, train_correct_ += correct, train_count_ += n;
    log_loss_ += result.loss * n, log_correct_ += correct, log_count_ += n;
    samples_seen += n;
    chunk_start_ += n;

    if (chunk_start_ == batch_size) {  // the batch is complete: one update on its mean gradient
        if (!one_chunk)
            for (size_t k = 0; k < params.size(); ++k) params[k]->grad = grad_sum_[k], grad_sum_[k].setZero();
        if (hooks.before_update) hooks.before_update();
        check_batch(batch_loss_);
        if (!error.empty()) return n;
        model_->update();
        if (hooks.after_update) hooks.after_update();
        for (Param* p : params)
            if (!all_finite(p->value)) {
                diverged(p->name + " is not finite (" + nan_or_infinite(p->value) + ") after the update");
                return n;
            }
        batch_x_.resize(0, 0);
        ++batches_done_;
        if (batches_done_ % setup_.log_every == 0) {
            std::vector<double> row = {double(batches_done_), log_loss_ / log_count_};
            if (setup_.batch_acc) row.push_back(double(log_correct_) / log_count_);
            for (double v : model_->batch_values()) row.push_back(v);
            batches.add(row);
            log_loss_ = 0, log_correct_ = 0, log_count_ = 0;
        }
    }
    epoch_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    work_done_ += n;
    if (position_ >= train.size() && batch_x_.cols() == 0) end_training_epoch();
    return n;
}

void Trainer::end_training_epoch() {
    ++epoch_, ++epoch_in_phase_;
    const TrainingPhase& phase = setup_.phases[size_t(phase_)];
    if (!evaluated_after(epoch_, epoch_in_phase_, phase, setup_.eval_every)) {
        next_epoch();
        return;
    }
    begin_evaluation();
}

void Trainer::begin_evaluation() {
    stage_ = Stage::Evaluate;
    set_ = 0, pass_ = 0, eval_position_ = 0;
    model_->begin_evaluation();
    if (setup_.eval_sets.empty()) evaluated();
}

void Trainer::evaluated() {
    if (hooks.before_row)
        stage_ = Stage::BeforeRow;
    else
        end_evaluation();
}

// outputs = (1/passes) sum_pass predict(x, pass): one chunk of one set under one pass per call
double Trainer::eval_chunk() {
    const Dataset& set = *setup_.eval_sets[size_t(set_)].data;
    const int n = std::min(model_->eval_chunk_size(), set.size() - eval_position_);
    const Mat out = model_->predict(set.x.middleCols(eval_position_, n), pass_);
    Mat& sum = output_sums_[size_t(set_)];
    if (pass_ == 0 && eval_position_ == 0) sum = Mat::Zero(out.rows(), set.size());
    sum.middleCols(eval_position_, n) += out;
    eval_position_ += n;
    const double work = n * model_->eval_cost();
    work_done_ += work;
    if (eval_position_ < set.size()) return work;
    eval_position_ = 0;
    if (++set_ < int(setup_.eval_sets.size())) return work;
    set_ = 0;
    if (++pass_ == model_->eval_passes()) evaluated();
    return work;
}

void Trainer::end_evaluation() {
    const int passes = model_->eval_passes();
    for (size_t s = 0; s < setup_.eval_sets.size(); ++s) {
        outputs_[s].swap(output_sums_[s]);
        if (passes > 1) outputs_[s] /= passes;
    }
    model_->end_evaluation();
    log_epoch();
    if (done()) return;
    if (epoch_in_phase_ == 0 && phase_ == 0) {  // the row before training
        begin_epoch();
        return;
    }
    if (hooks.stop_after_epoch && hooks.stop_after_epoch()) {
        stage_ = Stage::Done;
        return;
    }
    next_epoch();
}

void Trainer::log_epoch() {
    std::vector<double> extra = hooks.end_epoch ? hooks.end_epoch() : std::vector<double>();
    size_t next_extra = 0;
    std::vector<double> row = {double(epoch_)};
    if (setup_.phases.size() > 1) row.push_back(phase_ + 1);
    for (const std::string& column : setup_.columns) {
        const size_t cut = column.rfind('_');
        const std::string set_name = column.substr(0, cut), what = column.substr(cut + 1);
        auto set = std::find_if(setup_.eval_sets.begin(), setup_.eval_sets.end(),
                                [&](const EvaluationSet& s) { return s.name == set_name; });
        if (set != setup_.eval_sets.end() && (what == "loss" || what == "acc") && has_labels(*set->data)) {
            const Dataset& data = *set->data;
            const Mat& out = outputs_[size_t(set - setup_.eval_sets.begin())];
            if (what == "acc") {
                row.push_back(data.is_classification() ? double(correct_count(out, data.y)) / data.size()
                                                       : kNaN);
                epochs.explain_next(column, kNoAccuracy);
                continue;
            }
            double loss = 0;  // summed over evaluation chunks, as they were evaluated
            const int chunk = model_->eval_chunk_size();
            for (int first = 0; first < data.size(); first += chunk) {
                const int n = std::min(chunk, data.size() - first);
                loss += model_->eval_loss(out.middleCols(first, n), data.y.middleCols(first, n)) * n;
            }
            row.push_back(loss / data.size());
            epochs.explain_next(column, std::isnan(loss) ? "the model has no loss on the " + set_name + " set"
                                                         : "the loss on the " + set_name + " set overflowed");
        } else if (column == "train_loss") {
            row.push_back(train_count_ ? train_loss_ / train_count_ : kNaN);
            epochs.explain_next(column, kNoTraining);
        } else if (column == "train_acc") {
            row.push_back(train_count_ && train_data().is_classification()
                              ? double(train_correct_) / train_count_
                              : kNaN);
            epochs.explain_next(column, train_count_ ? kNoAccuracy : kNoTraining);
        } else if (column == "epoch_s") {
            row.push_back(epoch_seconds_);
        } else {
            if (next_extra >= extra.size())
                throw std::logic_error("Trainer: hooks.end_epoch gave no value for column " + column);
            row.push_back(extra[next_extra++]);
        }
    }
    epochs.add(row);
    train_loss_ = 0, train_correct_ = 0, train_count_ = 0, epoch_seconds_ = 0;
}

void Trainer::next_epoch() {
    if (epoch_in_phase_ < setup_.phases[size_t(phase_)].epochs) {
        model_->end_epoch();
        begin_epoch();
        return;
    }
    stage_ = Stage::EndPhase;  // the next steps run hooks.end_phase until it is finished
    if (!hooks.end_phase) next_phase();
}

void Trainer::end_phase_slice() {
    if (hooks.end_phase(phase_)) next_phase();
}

void Trainer::next_phase() {
    if (++phase_ == int(setup_.phases.size())) {
        phase_ = int(setup_.phases.size()) - 1;
        stage_ = Stage::Done;
        return;
    }
    epoch_in_phase_ = 0;
    model_->end_epoch();
    begin_epoch();
}

const Mat& Trainer::outputs(const std::string& set) const {
    static const Mat kEmpty;
    for (size_t s = 0; s < setup_.eval_sets.size(); ++s)
        if (setup_.eval_sets[s].name == set && s < outputs_.size()) return outputs_[s];
    return kEmpty;
}

double Trainer::progress() const {
    if (done()) return 1;
    return std::min(1.0, work_done_ / work_total_);
}

}  // namespace pl
