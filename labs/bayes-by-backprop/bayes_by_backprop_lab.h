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
#include "labs/bayes-by-backprop/bayes_classifier.h"
#include "labs/lab.h"

namespace pl {

class BayesByBackpropLab : public Lab {
public:
    static const LabInfo kInfo;
    BayesByBackpropLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    void step() override;  // cubic: up to log_every epochs of every network, or a part of an evaluation
    bool done() const override;
    double progress() const override;
    std::vector<const MetricLog*> logs() const override;

    bool bayesian() const { return params.choice("method") == "bbb"; }
    bool classifying() const { return classifying_; }  // task=mnist at the last reset()
    bool started() const { return started_; }          // false when task=mnist found no data files
    const std::vector<Dataset>& train_sets() const { return train_; }  // one per network
    std::vector<double> posterior_sigmas();                            // sigma of every weight and bias (bbb)

    // Per logged epoch: the ELBO terms (summed over the training set; kl and neg_elbo are NaN for mle), the
    // RMSE of the predictive mean against x^3 on [-5, 5] (test_rmse) and inside [-3.5, 3.5] (rmse_in), and
    // the mean predictive sigma inside and outside [-3.5, 3.5].
    MetricLog epochs;
    MetricLog predictive;        // x, truth, mean, sigma on the test grid, from the last evaluation
    Mat functions;               // the sampled functions (bbb) or the fits (mle) on the grid: one row each
    BayesClassifier classifier;  // task=mnist: its logs are the lab's (epochs, batches, entropy)

private:
    void reset_classifier();
    void train_epoch(size_t k);
    void start_evaluation();
    void draw_samples();  // the next few weight samples (bbb), as many as fit in one step
    void log_row();
    bool evaluating() const { return drawn_ < samples_.rows(); }

    std::vector<Dataset> train_;  // differ only with method=mle and vary=data_seed
    Mat grid_;                    // 1 x points on [-5, 5]
    std::vector<Mlp> nets_;       // one for bbb, `fits` for mle
    std::vector<std::unique_ptr<Optimizer>> optimizers_;
    GaussianNll nll_{1.0};  // noise_sd set by reset()
    Rng order_rng_{1};
    std::vector<int> order_;
    int epoch_ = 0;
    int weights_ = 0;  // weights per network: the cost of one sample's forward pass per point
    Mat samples_;      // the functions of the evaluation in progress (bbb), drawn_ rows filled
    int drawn_ = 0;
    std::vector<Rng> evaluation_noise_;  // one per BayesLinear layer, swapped in while drawing samples_
    double nll_sum_ = 0, kl_sum_ = 0;    // since the last row
    int terms_count_ = 0;
    bool started_ = false, classifying_ = false;
};

}  // namespace pl
