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

    // Analytic vs finite-difference gradients of the current network on a few training samples.
    std::vector<GradientCheckRow> gradient_check(int samples = 8, int per_param = 20);

    SupervisedRun run;  // the network, its data and the views the panel shows

private:
    std::shared_ptr<const Split> data_;
    std::string data_key_;  // dataset + seed the data was made with
};

}  // namespace pl
