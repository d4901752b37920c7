// Mini-batch training of an Mlp with any LearningRule, cut into small steps for time slicing:
// each step() is one training batch or one evaluation chunk; an epoch ends with a full train/test evaluation
// and lr <- lr * lr_decay.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include "engine/dataset.h"
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "engine/metric_log.h"

namespace pl {

class SupervisedRun {
public:
    // Takes ownership of the parts; `data` must outlive the run. Logs: "epochs" and "batches".
    void start(Mlp net, std::unique_ptr<Loss> loss, std::unique_ptr<LearningRule> rule,
               std::unique_ptr<Optimizer> optimizer, const Split* data, int batch, int epochs, int log_every,
               double lr_decay, uint64_t seed);
    void step();
    bool done() const { return phase_ == Phase::Done; }

    // Views of the current network, for panels and tests.
    bool is_image_task() const { return data->train.width > 0; }
    Vec predict(const Vec& x);                        // class probabilities (or the regression output)
    Mat receptive_fields(int count);                  // first `count` rows of W1 as columns (in x count)
    std::vector<int> misclassified(int count) const;  // test indices
    void fit_curve(std::vector<double>& x, std::vector<double>& fit,
                   std::vector<double>& truth);                // cubic set
    Mat decision_map(int resolution, double& lo, double& hi);  // 2-D sets: P(class 1) on a grid
    double progress() const;
    int epoch() const { return epoch_; }

    Mlp net;
    std::unique_ptr<Loss> loss;
    std::unique_ptr<LearningRule> rule;
    std::unique_ptr<Optimizer> optimizer;
    const Split* data = nullptr;

    // Extra per-epoch metrics, set before start(): columns after the standard ones, computed at each epoch's
    // end.
    std::vector<std::string> extra_columns;
    std::function<std::vector<double>()> extra_values;

    // Optional, set before start() (Lab 4): a validation set evaluated after the test set each epoch
    // (columns valid_loss, valid_acc before the extra ones); hooks that change training: the inputs of each
    // training batch, the grads before the optimizer step, the weights after it, and a check after each
    // epoch's row that ends the run when it returns true.
    const Dataset* validation = nullptr;
    std::function<Mat(const Mat&)> transform_batch;
    std::function<void()> before_update, after_update;
    std::function<bool()> stop_after_epoch;

    MetricLog epochs;   // epoch, train_loss, test_loss, train_acc, test_acc, [valid_*,] extra_columns...
    MetricLog batches;  // batch, batch_loss, then w_norm_l / grad_norm_l per weight layer
    std::string error;  // set when the loss stops being finite
    long long samples_seen = 0;
    std::vector<int> test_predictions;  // from the last test evaluation (classification)
    Eigen::MatrixXi confusion;          // idem

private:
    enum class Phase { Train, EvalTrain, EvalTest, EvalValid, Done };
    void train_batch();
    void eval_chunk(const Dataset& set, Phase phase);
    void end_epoch(double valid_loss, double valid_acc);

    Phase phase_ = Phase::Done;
    Rng rng_{1};
    std::vector<int> order_;
    int batch_ = 32, epochs_total_ = 1, log_every_ = 50;
    double lr_decay_ = 1;  // the learning rate is multiplied by this after every epoch
    int epoch_ = 0, position_ = 0, batches_done_ = 0;
    double loss_sum_ = 0;  // since the last batches row
    int loss_count_ = 0;
    double eval_loss_ = 0;  // running sums of the evaluation in progress
    int eval_correct_ = 0;
    double train_loss_ = 0, train_acc_ = 0, test_loss_ = 0, test_acc_ = 0;
};

}  // namespace pl
