// An Mlp with its loss, learning rule and optimizer as the Trainer's model (Labs 1, 2, 4, 7), and the Trainer
// that trains it on a Split: train and test (and a validation set) evaluated every epoch, lr <- lr *
// lr_decay.
#pragma once
#include <memory>
#include <string>
#include "engine/dataset.h"
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "engine/trainer.h"
#include "labs/time_slice.h"

namespace pl {

class SupervisedRun : public TrainerModel {
public:
    // Takes ownership of the parts; `data` must outlive the run. The data order is drawn from `seed`'s
    // DataOrder stream. Set validation, extra_columns and trainer.hooks before.
    void start(Mlp net, std::unique_ptr<Loss> loss, std::unique_ptr<LearningRule> rule,
               std::unique_ptr<Optimizer> optimizer, const Split* data, int batch, int epochs, int log_every,
               double lr_decay, uint64_t seed);

    // Views of the current network, for panels and tests.
    bool is_image_task() const { return data->train.width > 0; }
    Vec predict(const Vec& x);                        // class probabilities (or the regression output)
    Mat receptive_fields(int count);                  // first `count` rows of W1 as columns (in x count)
    std::vector<int> misclassified(int count) const;  // test indices
    void fit_curve(std::vector<double>& x, std::vector<double>& fit,
                   std::vector<double>& truth);                // cubic set
    Mat decision_map(int resolution, double& lo, double& hi);  // 2-D sets: P(class 1) on a grid

    // TrainerModel: chunks of a bounded number of multiply-adds (a default network's batch is one chunk), and
    // evaluation chunks of at most 100 samples.
    int chunk_size() const override;
    int eval_chunk_size() const override;
    ChunkResult train_chunk(const Mat& x, const Mat& y) override;
    void update() override { optimizer->step(net.params()); }
    Mat predict(const Mat& x, int pass) override;
    double eval_loss(const Mat& outputs, const Mat& y) override { return loss->value(outputs, y); }
    std::vector<Param*> params() override { return net.params(); }
    std::vector<std::string> batch_columns() override;  // w_norm_l, grad_norm_l per weight layer
    std::vector<double> batch_values() override;
    void end_evaluation() override;  // test_predictions and confusion
    void end_epoch() override { optimizer->lr *= lr_decay_; }

    Mlp net;
    std::unique_ptr<Loss> loss;
    std::unique_ptr<LearningRule> rule;
    std::unique_ptr<Optimizer> optimizer;
    const Split* data = nullptr;
    const Dataset* validation = nullptr;     // Lab 4: evaluated after the test set (valid_loss, valid_acc)
    std::vector<std::string> extra_columns;  // after the standard ones, from trainer.hooks.end_epoch
    std::string advice;                      // what to change when training diverges (TrainerSetup::advice)
    bool whole_batches = false;  // never cut a batch into chunks (batch norm: its statistics are per batch)
    // Wall-clock work of a step that runs the rule's backward in slices (predictive coding's inference, in
    // training and in the angles before a row); 0: one unit per step (tests: the logs must not change).
    double slice_ms = kStepSliceMs;

    // epochs: epoch, train_loss, test_loss, train_acc, test_acc, [valid_*,] extra_columns...
    // batches: batch, batch_loss, then w_norm_l / grad_norm_l per weight layer
    Trainer trainer;
    std::vector<int> test_predictions;  // from the last test evaluation (classification)
    Eigen::MatrixXi confusion;          // idem

private:
    double lr_decay_ = 1;  // the learning rate is multiplied by this after every epoch
    ChunkResult chunk_;    // the training chunk in progress (or the last one, finished)
    Mat grad_out_;         // its dL/d(output)
};

}  // namespace pl
