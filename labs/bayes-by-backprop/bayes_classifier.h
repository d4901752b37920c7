// Lab 3's classification mode: a classifier 784-hidden-10 trained on the 8,000 MNIST training digits by Bayes
// by Backprop (a Gaussian per weight) or maximum likelihood, and the entropy of its predictive distribution
// on the 2,000 test digits and on two out-of-distribution sets: 2,000 Fashion-MNIST images and 2,000 noise
// images.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "engine/dataset.h"
#include "engine/loss.h"
#include "engine/metric_log.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "engine/trainer.h"
#include "labs/bayes-by-backprop/bayes_by_backprop_settings.h"

namespace pl {

// The evaluation sets, in the order of the entropy log's columns.
enum class EvalSet { TestDigits = 0, Fashion = 1, Noise = 2 };

// The classifier as the Trainer's model: one training batch per step; an evaluation averages the softmax over
// `mnist_samples` weight samples (the same ones at every evaluation) on the three sets.
class BayesClassifier : public TrainerModel {
public:
    // Loads MNIST and Fashion-MNIST (throws DataError on a missing or corrupt file) and builds the network
    // from the lab's settings: the mnist_* ones, method, activation, sigma_init, init_scale and seed.
    void start(const BayesByBackpropSettings& settings);
    const Mat& images(EvalSet set) const;             // 784 x 2,000, pixels in [0, 1]
    Vec probabilities(EvalSet set, int image) const;  // of the last evaluation (empty before the first)

    // epochs, per epoch: train_loss and train_acc of the one-sample passes during the epoch, test_loss and
    // test_acc of the predictive; kl (bbb); the mean predictive entropy on each set; the AUROC of telling the
    // test digits from each out-of-distribution set by their entropy. batches: batch, batch_loss (the
    // cross-entropy of the batch).
    Trainer trainer;
    MetricLog entropy;  // one row per image of the last evaluation: test, fashion, noise (nats)

    // TrainerModel
    int eval_chunk_size() const override;
    int eval_passes() const override { return settings_.bayesian() ? settings_.mnist_samples : 1; }
    ChunkResult train_chunk(const Mat& x, const Mat& y) override;
    void update() override { optimizer_->step(net_.params()); }
    Mat predict(const Mat& x, int pass) override;
    double eval_loss(const Mat& outputs, const Mat& y) override;
    std::vector<Param*> params() override { return net_.params(); }
    void begin_evaluation() override;  // swaps in the evaluation's weight noise
    void end_evaluation() override;

private:
    std::vector<double> epoch_values();  // kl, entropy_*, auroc_*

    BayesByBackpropSettings settings_;
    std::shared_ptr<const Split> mnist_, fashion_;
    Dataset noise_;  // noise images, no labels
    Mlp net_;
    std::unique_ptr<Optimizer> optimizer_;
    SoftmaxCrossEntropy nll_;
    std::vector<Rng> evaluation_noise_;  // one per BayesLinear layer, swapped in during an evaluation
    int weights_ = 0;                    // weights of the network: the cost of one image's forward pass
    int last_pass_ = -1;                 // of the evaluation in progress
    double kl_ = 0;                      // of the last training batch
};

}  // namespace pl
