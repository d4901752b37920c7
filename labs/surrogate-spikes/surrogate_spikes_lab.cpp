#include "labs/surrogate-spikes/surrogate_spikes_lab.h"
#include <chrono>
#include <cmath>
#include <numeric>
#include "engine/loss.h"
#include "engine/metrics.h"
#include "labs/task_data.h"

namespace pl {

const LabInfo SurrogateSpikesLab::kInfo = {"surrogate-spikes", "Surrogate-gradient spiking nets",
                                           "LIF networks trained by BPTT with surrogate gradients"};

SurrogateSpikesLab::SurrogateSpikesLab()
    : Lab({
          choice_param("dataset", {"mnist", "fashion"}, 0,
                       "MNIST subset or Fashion-MNIST subset (8,000 train / 2,000 test each)"),
          int_param("hidden", 100, 1, 1000, "hidden LIF neurons (the course's second run uses 500)"),
          choice_param("surrogate", {"fast-sigmoid", "logistic", "none"}, 0,
                       "spike derivative in the backward pass; none = the true derivative of the step, 0"),
          float_param(
              "steepness", 10, 0.5, 200, "",
              "beta of the fast sigmoid 1/(beta|v|+1)^2 (SpyTorch 100) or k of the logistic (course 20)",
              true),
          choice_param("readout", {"max-voltage", "spike-count"}, 0,
                       "logits: each output unit's maximum voltage over time, or its spike count"),
          choice_param("encoding", {"latency", "poisson"}, 0,
                       "pixel -> one spike at t = tau_eff ln(x/(x-theta)), or Poisson spikes at x * 100 Hz"),
          int_param("steps", 100, 10, 500, "simulation steps of dt = 1 ms per sample"),
          float_param("tau_mem", 10, 1, 100, "ms", "membrane time constant"),
          float_param("tau_syn", 5, 0.5, 100, "ms", "synaptic current decay time constant"),
          float_param("tau_rise", 5, 0, 50, "ms", "synaptic rise time constant (0: the current jumps)"),
          float_param("R", 1, 0.1, 100, "mV", "membrane resistance: mV of steady voltage per unit current"),
          float_param("theta", 1, 0.1, 20, "mV", "firing threshold above rest (U_rest = 0 mV)"),
          choice_param("reset", {"rest", "subtractive"}, 0, "after a spike: U -> U_rest, or U -> U - theta"),
          float_param("weight_scale", 1, 0.01, 50, "", "W ~ N(0, (weight_scale / sqrt(fan_in))^2)", true),
          float_param("reg_l1", 0, 0, 0.1, "", "activity penalty per hidden spike (per sample)"),
          float_param("reg_l2", 0, 0, 0.1, "", "penalty on (mean spikes per hidden neuron)^2"),
          float_param("lr", 0.002, 1e-5, 1, "", "Adam learning rate", true),
          int_param("batch", 64, 1, 1024, "mini-batch size"),
          int_param("epochs", 5, 1, 200, "passes over the training set"),
          int_param("seed", 1, 0, 1000000000, "seeds the initial weights, the data order and Poisson spikes"),
          int_param("log_every", 10, 1, 10000, "batches between two points of the per-batch curves"),
      }) {}

void SurrogateSpikesLab::reset() {
    error.clear();
    net.reset();
    phase_ = Phase::Done;
    try {
        data_ = task_data(params.choice("dataset"), 0);
    } catch (const std::exception& e) {
        error = e.what();
        return;
    }
    const uint64_t seed = uint64_t(params.integer("seed"));

    LifParams neuron;
    neuron.tau_mem_ms = params.number("tau_mem");
    neuron.tau_syn_ms = params.number("tau_syn");
    neuron.tau_rise_ms = params.number("tau_rise");
    neuron.R = params.number("R");
    neuron.theta = params.number("theta");
    neuron.subtractive_reset = params.choice("reset") == "subtractive";
    SpikingNetShape shape;
    shape.inputs = int(data_->train.x.rows());
    shape.hidden = params.integer("hidden");
    shape.outputs = data_->train.classes;
    shape.weight_scale = params.number("weight_scale");
    const Readout readout =
        params.choice("readout") == "spike-count" ? Readout::SpikeCount : Readout::MaxVoltage;
    Rng init_rng(seed);
    net = std::make_unique<SpikingNet>(shape, neuron, readout, init_rng);
    const std::string surrogate = params.choice("surrogate");
    for (LifLayer* layer : {&net->hidden, &net->output}) {
        layer->surrogate = surrogate == "fast-sigmoid" ? Surrogate::FastSigmoid
                           : surrogate == "logistic"   ? Surrogate::Logistic
                                                       : Surrogate::None;
        layer->steepness = params.number("steepness");
    }
    w1_initial = net->hidden.W.value;
    optimizer_ = std::make_unique<Adam>(params.number("lr"));
    penalty_ = {params.number("reg_l1"), params.number("reg_l2")};

    rng_ = Rng(seed + 1);
    order_.resize(size_t(data_->train.size()));
    std::iota(order_.begin(), order_.end(), 0);
    rng_.shuffle(order_);
    grad_sum_.clear();
    for (Param* p : net->params()) grad_sum_.push_back(Mat::Zero(p->value.rows(), p->value.cols()));

    epochs = MetricLog("epochs", {"epoch", "train_loss", "test_loss", "train_acc", "test_acc", "w1_change",
                                  "epoch_s", "hidden_rate_hz"});
    batches = MetricLog("batches", {"batch", "batch_loss", "batch_acc", "hidden_spikes"});
    confusion = Eigen::MatrixXi::Zero(shape.outputs, shape.outputs);
    hidden_counts = Vec::Zero(shape.hidden);
    epoch_ = 0, position_ = 0, batch_start_ = 0, batches_done_ = 0;
    train_loss_ = test_loss_ = 0, train_correct_ = test_correct_ = 0;
    log_loss_ = log_spikes_ = 0, log_correct_ = log_samples_ = 0;
    epoch_seconds_ = 0;
    samples_seen_ = 0;
    phase_ = Phase::Train;
}

SpikeTrain SurrogateSpikesLab::encode(const Mat& x, Rng& rng) const {
    const int steps = params.integer("steps");
    if (params.choice("encoding") == "poisson") return poisson_encode(x, 100, 1, steps, rng);  // 100 Hz max
    LatencyCode code;  // tau_eff 20 ms, theta 0.2, dt 1 ms
    code.steps = steps;
    return latency_encode(x, code);
}

void SurrogateSpikesLab::step() {
    if (done() || !net) return;
    if (phase_ == Phase::Train)
        train_chunk();
    else
        test_chunk();
}

void SurrogateSpikesLab::train_chunk() {
    const auto t0 = std::chrono::steady_clock::now();
    const Dataset& train = data_->train;
    const int batch = params.integer("batch");
    const int batch_end = std::min(batch_start_ + batch, train.size());
    const int end = std::min(position_ + chunk(), batch_end);
    const std::vector<int> idx(order_.begin() + position_, order_.begin() + end);
    const int n = end - position_;
    const Mat x = train.x(Eigen::all, idx), y = train.y(Eigen::all, idx);

    SoftmaxCrossEntropy ce;
    const Mat logits = net->forward(encode(x, rng_), n);
    const double loss = ce.value(logits, y) + penalty_.value(net->hidden);
    if (!std::isfinite(loss)) {
        error = "training diverged in epoch " + std::to_string(epoch_ + 1) + ", batch " +
                std::to_string(batches_done_ + 1) +
                ": the loss is not finite; lower lr or weight_scale and reset";
        return;
    }
    net->backward(ce.grad(logits, y), penalty_);  // chunk mean
    const std::vector<Param*> params_ = net->params();
    const double weight = double(n) / double(batch_end - batch_start_);  // chunk mean -> batch mean
    for (size_t k = 0; k < params_.size(); ++k) grad_sum_[k] += weight * params_[k]->grad;

    const std::vector<int> predicted = argmax_columns(logits);
    int correct = 0;
    for (int j = 0; j < n; ++j) correct += predicted[size_t(j)] == train.labels[size_t(idx[size_t(j)])];
    train_loss_ += loss * n, train_correct_ += correct;
    log_loss_ += loss * n, log_correct_ += correct, log_samples_ += n;
    log_spikes_ += spike_counts(net->hidden).sum() / net->hidden.out();
    samples_seen_ += n;
    position_ = end;

    if (position_ == batch_end) {  // the batch is complete: one Adam step on its mean gradient
        for (size_t k = 0; k < params_.size(); ++k) params_[k]->grad = grad_sum_[k], grad_sum_[k].setZero();
        optimizer_->step(params_);
        ++batches_done_;
        for (Param* p : params_)
            if (!p->value.allFinite()) {
                error = "training diverged in epoch " + std::to_string(epoch_ + 1) + ", batch " +
                        std::to_string(batches_done_) + ": a weight is not finite; lower lr and reset";
                return;
            }
        batch_start_ = position_;
        if (batches_done_ % params.integer("log_every") == 0) {
            batches.add({double(batches_done_), log_loss_ / log_samples_, double(log_correct_) / log_samples_,
                         log_spikes_ / log_samples_});
            log_loss_ = log_spikes_ = 0, log_correct_ = log_samples_ = 0;
        }
    }
    epoch_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (position_ >= train.size()) {
        phase_ = Phase::Test;
        position_ = 0, test_loss_ = 0, test_correct_ = 0;
        count_sum_ = Vec::Zero(net->hidden.out());
        test_predictions_.assign(size_t(data_->test.size()), -1);
    }
}

void SurrogateSpikesLab::test_chunk() {
    const Dataset& test = data_->test;
    const int end = std::min(position_ + chunk(), test.size());
    const int n = end - position_;
    const Mat x = test.x.middleCols(position_, n), y = test.y.middleCols(position_, n);
    SoftmaxCrossEntropy ce;
    const Mat logits = net->forward(encode(x, rng_), n);
    test_loss_ += ce.value(logits, y) * n;
    const std::vector<int> predicted = argmax_columns(logits);
    for (int j = 0; j < n; ++j) {
        test_predictions_[size_t(position_ + j)] = predicted[size_t(j)];
        test_correct_ += predicted[size_t(j)] == test.labels[size_t(position_ + j)];
    }
    count_sum_ += spike_counts(net->hidden).rowwise().sum();
    position_ = end;
    if (position_ >= test.size()) end_epoch();
}

void SurrogateSpikesLab::end_epoch() {
    const Dataset &train = data_->train, &test = data_->test;
    ++epoch_;
    confusion = confusion_matrix(test_predictions_, test.labels, test.classes);
    hidden_counts = count_sum_ / double(test.size());
    const double duration_s = params.integer("steps") * 1e-3;  // steps of 1 ms
    epochs.add({double(epoch_), train_loss_ / train.size(), test_loss_ / test.size(),
                double(train_correct_) / train.size(), double(test_correct_) / test.size(), w1_change(),
                epoch_seconds_, hidden_counts.mean() / duration_s});
    train_loss_ = 0, train_correct_ = 0, epoch_seconds_ = 0, position_ = 0, batch_start_ = 0;
    if (epoch_ >= params.integer("epochs")) {
        phase_ = Phase::Done;
        return;
    }
    rng_.shuffle(order_);
    phase_ = Phase::Train;
}

double SurrogateSpikesLab::progress() const {
    if (!net || phase_ == Phase::Done) return 1;
    // Work per epoch: a training sample costs about 3 test samples (forward + backward)
    const double n_train = data_->train.size(), n_test = data_->test.size();
    const double per_epoch = n_train + n_test / 3;
    const double in_epoch = phase_ == Phase::Train ? position_ : n_train + position_ / 3.0;
    return (epoch_ * per_epoch + in_epoch) / (params.integer("epochs") * per_epoch);
}

std::vector<std::pair<std::string, double>> SurrogateSpikesLab::final_metrics() const {
    std::vector<std::pair<std::string, double>> out = Lab::final_metrics();
    const std::vector<double>& seconds = epochs.column("epoch_s");
    for (auto& [name, value] : out)
        if (name == "epoch_s" && !seconds.empty())
            value = std::accumulate(seconds.begin(), seconds.end(), 0.0) / double(seconds.size());
    return out;
}

double SurrogateSpikesLab::w1_change() const {
    return (net->hidden.W.value - w1_initial).norm() / w1_initial.norm();
}

SpikingSample SurrogateSpikesLab::run_sample(const Vec& pixels) {
    SpikingSample s;
    if (!net) return s;
    Rng view_rng(7);
    const SpikeTrain input = encode(pixels, view_rng);
    const Mat logits = net->forward(input, 1);
    const int steps = net->hidden.steps();
    s.input_S = Mat::Zero(net->hidden.in(), steps);
    for (int t = 0; t < steps; ++t)
        for (const SpikeEvent& e : input[size_t(t)]) s.input_S(e.input, t) = 1;
    s.hidden_S.resize(net->hidden.out(), steps), s.hidden_U.resize(net->hidden.out(), steps);
    s.output_U.resize(net->output.out(), steps), s.output_S.resize(net->output.out(), steps);
    for (int t = 0; t < steps; ++t) {
        s.hidden_S.col(t) = net->hidden.S[size_t(t)];
        s.hidden_U.col(t) = net->hidden.U[size_t(t)];
        s.output_U.col(t) = net->output.U[size_t(t)];
        s.output_S.col(t) = net->output.S[size_t(t)];
    }
    s.probabilities = softmax(logits).col(0);
    s.probabilities.maxCoeff(&s.predicted);
    return s;
}

}  // namespace pl
