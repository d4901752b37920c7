// A continual-learning run as the Trainer's model: an MLP trained on one context after another (one trainer
// phase each) with a method's hooks, every context's test set evaluated every epoch, and the accuracy matrix.
#pragma once
#include <memory>
#include <vector>
#include "engine/continual_benchmark.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "engine/trainer.h"
#include "labs/continual/continual_method.h"

namespace pl {

class ContinualRun : public TrainerModel {
public:
    // Builds the network (the seed's Init stream), Adam and the method, and starts the trainer: one phase per
    // context, every context's test set evaluated after every epoch.
    void start(const ContinualSettings& s, std::shared_ptr<const ContinualBenchmark> data);

    // TrainerModel: one chunk is the whole batch (replayed samples included, weighted apart).
    int eval_chunk_size() const override;
    ChunkResult train_chunk(const Mat& x, const Mat& y) override;  // masked logits and the weighted loss
    void update() override { optimizer->step(params()); }
    Mat predict(const Mat& x, int pass) override { return (void)pass, method->predict(*this, x); }
    std::vector<Param*> params() override { return method->params(*this); }
    std::vector<std::string> batch_columns() override { return {"penalty"}; }
    std::vector<double> batch_values() override;  // the method's penalty on the last batch

    const OutputLayout& layout() const { return benchmark->layout; }
    // The training set of the context in training (joint: the union of the contexts seen).
    const Dataset& training_set() const {
        return method->trains_on_all_seen() ? phase_data_[size_t(context)]
                                            : benchmark->contexts[size_t(context)].train;
    }
    int contexts() const { return layout().contexts; }
    // 1 on the units each target's softmax runs over while training run.context (outputs x samples).
    Mat mask_of(const Mat& y) const;
    // The test accuracy of every context (its active units as at run.context), from the last evaluation.
    std::vector<double> context_accuracies() const;

    ContinualSettings settings;
    std::shared_ptr<const ContinualBenchmark> benchmark;
    Mlp net;
    std::unique_ptr<Optimizer> optimizer;
    std::unique_ptr<ContinualMethod> method;
    int context = 0;    // the context in training, 0-based
    Vec batch_weights;  // the loss weight of each sample of the batch in training (empty: 1/B each)
    Rng replay_rng{1};  // random_stream(seed, Stream::Replay): what replay keeps and replays
    // epochs: epoch, phase, train_loss, train_acc, acc_c1..acc_cT, acc_avg (over the contexts seen), epoch_s
    // batches: batch, batch_loss, penalty
    Trainer trainer;
    Mat R;                  // R(i, j): accuracy on context j after training context i (rows filled so far)
    int contexts_done = 0;  // rows of R filled

private:
    // Context t's set (joint: the union of the contexts seen, one context copied per call) and the method's
    // begin_context(): true when done, called again at the next step until then.
    bool begin_context(int t);
    bool end_context(int t);  // one slice of the boundary work of context t, true when it is finished
    std::vector<Dataset> phase_data_;  // joint: the union of the contexts seen, built when its phase begins
    int union_contexts_ = 0;           // contexts copied into the union in progress
    double last_penalty_ = 0;
};

}  // namespace pl
