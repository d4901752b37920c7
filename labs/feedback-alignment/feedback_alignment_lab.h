// Lab 2 "Feedback alignment": the same MLP trained by backprop or by rules that send the error down through
// fixed random matrices (FA, DFA) or sign(W) (sign symmetry); measures how the updates align with BP's.
#pragma once
#include <memory>
#include "labs/lab.h"
#include "labs/supervised_run.h"

namespace pl {

class FeedbackAlignmentLab : public Lab {
public:
    static const LabInfo kInfo;
    FeedbackAlignmentLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    void step() override;
    bool done() const override { return run.done() || !error.empty(); }
    double progress() const override { return run.progress(); }
    std::vector<const MetricLog*> logs() const override { return {&run.epochs, &run.batches}; }

    int hidden_layers() { return int(run.net.linears().size()) - 1; }
    SupervisedRun run;

private:
    std::vector<double> epoch_angles();  // per hidden layer: to BP, B vs W^T, B vs pinv(W)
    std::shared_ptr<const Split> data_;
    Mat probe_x_, probe_y_;  // fixed training samples the angles are measured on
};

}  // namespace pl
