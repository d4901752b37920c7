// Synaptic intelligence (Zenke, Poole & Ganguli 2017): each parameter's share of the drop of the task loss
// along its path, W += -g dtheta per step, turned at a context boundary into an importance omega.
#pragma once
#include <vector>
#include "engine/quadratic_penalty.h"

namespace pl {

constexpr double kSiDamping = 0.1;  // xi: keeps omega finite for parameters that barely moved (unitless)

// omega + W / (Delta^2 + xi), entry by entry: Delta the parameter's total change over the context.
Mat si_importance(const Mat& omega, const Mat& W, const Mat& delta, double xi);

class SynapticIntelligence {
public:
    void begin_context(const std::vector<Param*>& params);    // theta_start = theta, W = 0
    void record_gradient(const std::vector<Param*>& params);  // g: the step's task-loss gradient, before the
                                                              // penalty's is added, and theta before the step
    void after_update(const std::vector<Param*>& params);     // W += -g (theta - theta_before)
    void end_context(const std::vector<Param*>& params,
                     double xi = kSiDamping);  // omega += ..., theta* = theta

    Anchor anchor;          // importance omega and theta*; empty before the first context ends
    std::vector<Mat> path;  // W, the running path integral of the context in training

private:
    std::vector<Mat> start_, before_, grad_;
};

}  // namespace pl
