// Lab 3 "Bayes by Backprop": y = x^3 + noise from 20 points on [-3.5, 3.5], predicted on [-5, 5] by one
// network with a Gaussian posterior per weight (method=bbb) or by `fits` maximum-likelihood networks
// (method=mle). task=mnist runs the classification mode instead (bayes_classifier.h, the mnist_* parameters).
#pragma once
#include <memory>
#include <vector>
#include "engine/bayes_by_backprop.h"
#include "engine/dataset.h"
#include "engine/gaussian_nll.h"
#include "engine/optimizer.h"
#include "engine/trainer.h"
#include "labs/bayes-by-backprop/bayes_by_backprop_settings.h"
#include "labs/bayes-by-backprop/bayes_classifier.h"
#include "labs/lab.h"

namespace pl {

class BayesByBackpropLab : public Lab {
public:
    static const LabInfo kInfo;
    BayesByBackpropLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    void step() override;  // a step of the trainer (cubic) or of the classifier (mnist)
    bool done() const override;
    double progress() const override;
    std::vector<const MetricLog*> logs() const override;

    const BayesByBackpropSettings& settings() const {
        return settings_;
    }  // of the last reset() (before it: the defaults)
    bool bayesian() const { return settings_.bayesian(); }
    bool classifying() const { return classifying_; }  // task=mnist at the last reset()
    bool started() const { return started_; }          // false when task=mnist found no data files
    const std::vector<Dataset>& train_sets() const { return train_; }  // one per network
    std::vector<double> posterior_sigmas();                            // sigma of every weight and bias (bbb)

    // epochs, per logged epoch: the ELBO terms (summed over the training set; kl and neg_elbo are NaN for
    // mle), the RMSE of the predictive mean against x^3 on [-5, 5] (test_rmse) and inside [-3.5, 3.5]
    // (rmse_in), and the mean predictive sigma inside and outside [-3.5, 3.5].
    Trainer trainer;
    MetricLog predictive;        // x, truth, mean, sigma on the test grid, from the last evaluation
    Mat functions;               // the sampled functions (bbb) or the fits (mle) on the grid: one row each
    BayesClassifier classifier;  // task=mnist: its logs are the lab's (epochs, batches, entropy)

private:
    void reset_classifier();
    std::vector<double> log_row();  // the predictive on the grid: the epoch's columns

    // The networks as the Trainer's model: row k of a chunk's x and y is network k's batch (every network
    // takes the same positions of its own 20 points); an evaluation is one pass per weight sample (bbb) or
    // one pass of every fit (mle) over the grid.
    struct Model : TrainerModel {
        explicit Model(BayesByBackpropLab& lab) : lab(lab) {}
        int eval_passes() const override;
        ChunkResult train_chunk(const Mat& x, const Mat& y) override;
        void update() override;
        Mat predict(const Mat& x, int pass) override;
        std::vector<Param*> params() override;
        void begin_evaluation() override;  // swaps in the evaluation's weight noise (bbb)
        void end_evaluation() override;
        BayesByBackpropLab& lab;
    };

    std::vector<Dataset> train_;  // differ only with method=mle and vary=data_seed
    Dataset stacked_;             // row k: train_[k]
    Dataset grid_;                // 1 x points on [-5, 5], no targets
    std::vector<Mlp> nets_;       // one for bbb, `fits` for mle
    std::vector<std::unique_ptr<Optimizer>> optimizers_;
    BayesByBackpropSettings settings_ = read_settings(bayes_by_backprop_fields(), params);
    GaussianNll nll_{1.0};               // noise_sd set by reset()
    std::vector<Rng> evaluation_noise_;  // one per BayesLinear layer, swapped in during an evaluation
    double nll_sum_ = 0, kl_sum_ = 0;    // over every network's training samples since the last row
    int samples_ = 0;                    // training samples of one network since the last row
    Model model_{*this};
    bool started_ = false, classifying_ = false;
};

}  // namespace pl
