// The one training loop of every lab: phases of epochs over shuffled batches, each batch cut into chunks that
// fit a frame, chunk gradients accumulated and one update per batch; evaluation of named sets; logs and
// progress. One divergence rule stops a run: a non-finite loss, gradient or weight, a loss grown far past its
// start, or a dead net (weight gradients exactly 0 and the same output for every input, batch after batch).
#pragma once
#include <cmath>
#include <functional>
#include <string>
#include <vector>
#include "engine/dataset.h"
#include "engine/layer.h"
#include "engine/metric_log.h"
#include "engine/rng.h"

namespace pl {

// What one training chunk returns: the model's outputs (e.g. logits) and the chunk's mean loss.
struct ChunkResult {
    Mat outputs;
    double loss = 0;
    bool finished = true;  // false: its work goes on at the next step (train_chunk again, the same chunk)
};

// A model the Trainer can train: a lab supplies only this.
class TrainerModel {
public:
    virtual ~TrainerModel() = default;
    virtual int chunk_size() const { return 1 << 30; }            // most training samples in one step
    virtual int eval_chunk_size() const { return chunk_size(); }  // most evaluated samples in one step
    virtual int eval_passes() const { return 1; }  // an evaluation averages the outputs of this many passes
    virtual double eval_cost() const {
        return 1.0 / 3;
    }  // work of one evaluated sample per pass (trained: 1)
    // Forward and backward over a chunk: every param's grad holds the chunk's mean gradient.
    virtual ChunkResult train_chunk(const Mat& x, const Mat& y) = 0;
    virtual void update() = 0;  // the optimizer step on the params' grads
    // The evaluation outputs of a chunk under pass `pass` (a Bayesian net's weight sample).
    virtual Mat predict(const Mat& x, int pass) = 0;
    // The mean loss of evaluation outputs (NaN: a model evaluated only on sets without targets).
    virtual double eval_loss(const Mat& outputs, const Mat& y) {
        (void)outputs, (void)y;
        return std::nan("");
    }
    virtual std::vector<Param*> params() = 0;
    virtual std::vector<std::string> batch_columns() { return {}; }  // after batch, batch_loss[, batch_acc]
    virtual std::vector<double> batch_values() { return {}; }        // at every batches row
    virtual void begin_evaluation() {}
    virtual void end_evaluation() {}  // the outputs of every set are ready (Trainer::outputs)
    virtual void end_epoch() {}       // after an epoch's row, when training goes on (e.g. lr decay)
};

struct TrainingPhase {
    std::string name;
    const Dataset* data = nullptr;  // the training samples
    int epochs = 1;
};

struct EvaluationSet {
    std::string name;               // gives the columns <name>_loss and <name>_acc
    const Dataset* data = nullptr;  // without labels (y empty) only its outputs are kept
};

// Optional hooks of a lab: each may be left empty.
struct TrainerHooks {
    std::function<void(Mat& x, Mat& y)> transform_batch;  // augment, or append replayed samples
    std::function<double()> extra_loss;  // after each chunk's backward: adds its gradient, returns its value
    std::function<void()> before_update, after_update;
    std::function<std::vector<double>()>
        end_epoch;                           // the values of the epoch columns the trainer does not fill
    std::function<bool()> stop_after_epoch;  // after each row: true ends the run
    // After the last epoch of a phase: one bounded slice of the phase's boundary work (a step's worth),
    // true when it is finished. The trainer calls it again at each step until then, nothing in between.
    std::function<bool(int phase)> end_phase;
    // Before each epoch row, after its evaluation: one bounded slice of work for the row (a step's worth),
    // true when it is finished; called again at each step until then (measurements longer than a frame).
    std::function<bool()> before_row;
};

struct TrainerSetup {
    std::vector<TrainingPhase> phases;
    std::vector<EvaluationSet> eval_sets;
    // Epoch columns after "epoch" (and "phase" when there are several phases), in order. The trainer fills
    // <set>_loss and <set>_acc of an evaluation set, train_loss and train_acc (the running values of the
    // training chunks when "train" is not an evaluation set) and epoch_s (seconds in training chunks); the
    // others come from hooks.end_epoch(), in order. Empty: <set>_loss, <set>_acc of every set.
    std::vector<std::string> columns;
    int batch = 32;
    int log_every = 50;              // batches between two rows of the batches log
    bool batch_acc = false;          // a batch_acc column in the batches log
    int eval_every = 1;              // epochs between two evaluations (and rows); a phase's last epoch always
    bool evaluate_at_start = false;  // a row "epoch 0" before training
    double work_per_step = 0;  // a step runs chunks until this much work is done (0: one chunk per step)
    uint64_t seed = 1;         // the data order: random_stream(seed, Stream::DataOrder)
    // What to change when training diverges, the end of the error message (e.g. "lower lr (now 10) or use
    // optimizer=adam").
    std::string advice = "lower the learning rate (or the initial weight scale) and reset";
    // What to change when the net is dead from its first batch (no learning rate revives it).
    std::string dead_advice = "widen the hidden layers or change the activation or the initial weight scale";
};

// The divergence rule's thresholds.
// A batch loss above this many times its start (the largest |batch loss| of the first kStartSamples samples)
// has exploded. Healthy runs stay below 2x (largest batch loss over the start, measured: Lab 1 MNIST 0.94,
// spirals 1.4; Lab 2 DFA 0.99, cubic 0.97; Lab 4 0.98; Lab 7 DTP 0.98, PC 1.02). Diverging ones pass 100x
// within a few batches: Lab 7's PC at lr=10 (SGD) 290x at batch 5, Lab 1 at lr=10 1300x, Lab 2's FA 3e5x.
constexpr double kLossGrowthLimit = 100;
constexpr int kStartSamples = 32;  // training samples whose batch losses make the start of the loss
// Batches in a row with every weight gradient exactly 0 and one output for every input: a dead net. A
// transient zero (a batch of inputs that all miss the live units) lasts a batch or two.
constexpr int kDeadBatches = 20;

class Trainer {
public:
    // `model` must outlive the run, as must every data set of `setup`.
    void start(TrainerModel& model, TrainerSetup setup);
    // One chunk of training or evaluation, or chunks up to work_per_step or the next row; at a phase's end
    // one slice of hooks.end_phase.
    void step();
    bool done() const { return stage_ == Stage::Done || !error.empty(); }
    bool evaluating() const { return stage_ == Stage::Evaluate; }
    double progress() const;              // 0..1 over every phase and epoch
    int epoch() const { return epoch_; }  // training epochs finished, over all phases
    int phase() const { return phase_; }
    const Mat& outputs(const std::string& set) const;  // of the last evaluation (empty before the first)

    TrainerHooks hooks;
    MetricLog epochs;   // epoch, [phase,] setup.columns...
    MetricLog batches;  // batch, batch_loss, [batch_acc,] the model's batch columns
    std::string error;  // set when training diverged (the divergence rule above)
    long long samples_seen = 0;

private:
    enum class Stage { Train, Evaluate, BeforeRow, EndPhase, Done };
    double train_chunk();  // each returns the work it did
    double eval_chunk();
    void begin_epoch();
    void end_training_epoch();
    void begin_evaluation();
    void evaluated();  // hooks.before_row's slices, if any, then end_evaluation()
    void end_evaluation();
    void log_epoch();
    void next_epoch();
    void end_phase_slice();  // one call of hooks.end_phase, then the next phase once it is finished
    void next_phase();
    void diverged(const std::string& what, const std::string& advice = "");  // "": setup_.advice
    void check_batch(double loss);  // the divergence rule on a complete batch, before its update
    const Dataset& train_data() const { return *setup_.phases[size_t(phase_)].data; }

    TrainerModel* model_ = nullptr;
    TrainerSetup setup_;
    Stage stage_ = Stage::Done;
    Rng order_rng_{1};
    std::vector<int> order_;
    int phase_ = 0, epoch_ = 0, epoch_in_phase_ = 0, batches_done_ = 0;
    int position_ = 0;  // in order_: the start of the batch in progress
    Mat batch_x_, batch_y_;
    int chunk_start_ = 0;         // in the batch in progress
    bool chunk_pending_ = false;  // the model's last train_chunk() was not finished
    std::vector<Mat> grad_sum_;   // per param, over the chunks of a batch of several
    double train_loss_ = 0;       // sums since the last epoch row, over training samples
    int train_correct_ = 0, train_count_ = 0;
    double batch_loss_ = 0;  // the mean loss of the batch in progress, over its chunks so far
    bool batch_same_output_ =
        true;                // every chunk of the batch in progress gave first_output_ for every input
    Vec first_output_;       // the output of the batch's first input
    double start_loss_ = 0;  // the largest |batch loss| of the first kStartSamples samples
    int start_samples_ = 0;  // training samples in start_loss_
    int dead_batches_ = 0;   // batches in a row that looked dead
    double log_loss_ = 0;    // sums since the last batches row
    int log_correct_ = 0, log_count_ = 0;
    double epoch_seconds_ = 0;                    // in training chunks since the last epoch row
    int set_ = 0, pass_ = 0, eval_position_ = 0;  // the evaluation in progress
    std::vector<Mat> output_sums_, outputs_;      // per evaluation set
    double work_done_ = 0, work_total_ = 1;
};

// Correctly classified columns: argmax of the outputs equals argmax of the one-hot targets.
int correct_count(const Mat& outputs, const Mat& y);

}  // namespace pl
