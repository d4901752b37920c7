// Lab 1 "Backpropagation": an MLP trained from scratch with explicit forward/backward passes on the MNIST
// subset or a toy set; adds the views its panel shows (receptive fields, mistakes, fits, gradient check).
#pragma once
#include <memory>
#include "engine/gradient_check.h"
#include "labs/lab.h"
#include "labs/supervised_run.h"

namespace pl {

class BackpropLab : public Lab {
public:
    static const LabInfo kInfo;
    BackpropLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    void step() override;
    bool done() const override { return run.done() || !error.empty(); }
    double progress() const override { return run.progress(); }
    std::vector<const MetricLog*> logs() const override { return {&run.epochs, &run.batches}; }

    // Views for the panel and the tests.
    const Split& data() const { return *data_; }
    bool is_image_task() const { return data_->train.width > 0; }
    Vec predict(const Vec& x);                        // class probabilities (or the regression output)
    Mat receptive_fields(int count);                  // first `count` rows of W1 as columns (in x count)
    std::vector<int> misclassified(int count) const;  // test indices
    void fit_curve(std::vector<double>& x, std::vector<double>& fit, std::vector<double>& truth);  // 1-D sets
    Mat decision_map(int resolution, double& lo, double& hi);  // 2-D sets: P(class 1) on a grid
    std::vector<GradientCheckRow> gradient_check(int samples = 8, int per_param = 20);

    SupervisedRun run;

private:
    std::shared_ptr<const Split> data_;
    std::string data_key_;  // dataset + seed the data was made with
};

}  // namespace pl
