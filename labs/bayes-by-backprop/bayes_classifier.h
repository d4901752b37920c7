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
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "engine/metric_log.h"

namespace pl {

// Set from the lab's parameters (mnist_*, method, activation, sigma_init, init_scale, seed).
struct ClassifierSettings {
    bool bayesian = true;  // Bayes by Backprop, else a plain Mlp trained by maximum likelihood
    std::vector<int> hidden;
    ActivationKind activation = ActivationKind::ReLU;
    double prior_sd = 1, sigma_init = 0.01, init_scale = 1, lr = 0.001;
    int batch = 1, epochs = 1;
    int test_samples = 1;  // weight samples averaged into the predictive (bbb)
    uint64_t seed = 1;     // initial weights, weight noise, batch order
};

// The evaluation sets, in the order of the entropy log's columns.
enum class EvalSet { TestDigits = 0, Fashion = 1, Noise = 2 };

class BayesClassifier {
public:
    // Loads MNIST and Fashion-MNIST (throws std::runtime_error on a missing file) and builds the network.
    void start(const ClassifierSettings& settings);
    void step();  // one training batch, or one chunk of images under one weight sample of an evaluation
    bool done() const { return phase_ == Phase::Done || !error.empty(); }
    double progress() const;
    const Mat& images(EvalSet set) const;             // 784 x 2,000, pixels in [0, 1]
    Vec probabilities(EvalSet set, int image) const;  // of the last evaluation (empty before the first)

    // Per epoch: train_loss and train_acc of the one-sample passes during the epoch, test_loss and test_acc
    // of the predictive; kl (bbb); the mean predictive entropy on each set; the AUROC of telling the test
    // digits from each out-of-distribution set by their entropy.
    MetricLog epochs;
    MetricLog batches;  // batch, batch_loss (the cross-entropy of the batch)
    MetricLog entropy;  // one row per image of the last evaluation: test, fashion, noise (nats)
    std::string error;  // set when the loss stops being finite
    long long samples_seen = 0;

private:
    enum class Phase { Train, Evaluate, Done };
    void train_batch();
    void evaluate_chunk();
    void end_evaluation();
    int samples() const { return settings_.bayesian ? settings_.test_samples : 1; }

    ClassifierSettings settings_;
    std::shared_ptr<const Split> mnist_, fashion_;
    Mat noise_images_;
    Mlp net_;
    std::unique_ptr<Optimizer> optimizer_;
    SoftmaxCrossEntropy nll_;
    Rng order_rng_{1};
    std::vector<int> order_;
    std::vector<Rng> evaluation_noise_;  // one per BayesLinear layer, swapped in during an evaluation
    Phase phase_ = Phase::Done;
    int weights_ = 0;  // weights of the network: the cost of one image's forward pass
    int epoch_ = 0, position_ = 0, batches_done_ = 0;
    double loss_sum_ = 0, kl_ = 0;  // of the epoch's training batches
    int correct_ = 0;
    int sample_ = 0;                     // the weight sample of the evaluation in progress
    EvalSet set_ = EvalSet::TestDigits;  // and the set and image it has reached
    std::vector<Mat> probability_sums_;  // per set: 10 x images, summed over the weight samples so far
    std::vector<Mat> predictive_;        // per set: the predictive of the last finished evaluation
};

}  // namespace pl
