// Lab 3 "Bayes by Backprop": y = x^3 + noise from 20 points on [-3.5, 3.5], predicted on [-5, 5] by one
// network with a Gaussian posterior per weight (method=bbb) or by `fits` maximum-likelihood networks
// (method=mle).
#pragma once
#include <memory>
#include <vector>
#include "engine/bayes_by_backprop.h"
#include "engine/dataset.h"
#include "engine/gaussian_nll.h"
#include "engine/optimizer.h"
#include "labs/lab.h"

namespace pl {

class BayesByBackpropLab : public Lab {
public:
    static const LabInfo kInfo;
    BayesByBackpropLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    void step() override;  // up to log_every epochs of every network, or a part of an evaluation
    bool done() const override {
        return (epoch_ >= params.integer("epochs") && !evaluating()) || !error.empty();
    }
    double progress() const override { return double(epoch_) / params.integer("epochs"); }
    std::vector<const MetricLog*> logs() const override { return {&epochs, &predictive}; }

    bool bayesian() const { return params.choice("method") == "bbb"; }
    const std::vector<Dataset>& train_sets() const { return train_; }  // one per network
    std::vector<double> posterior_sigmas();                            // sigma of every weight and bias (bbb)

    // Per logged epoch: the ELBO terms (summed over the training set; kl and neg_elbo are NaN for mle), the
    // RMSE of the predictive mean against x^3 on [-5, 5] (test_rmse) and inside [-3.5, 3.5] (rmse_in), and
    // the mean predictive sigma inside and outside [-3.5, 3.5].
    MetricLog epochs;
    MetricLog predictive;  // x, truth, mean, sigma on the test grid, from the last evaluation
    Mat functions;         // the sampled functions (bbb) or the fits (mle) on the grid: one row each

private:
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
};

}  // namespace pl
