// Lab 1 "Backpropagation": an MLP trained from scratch with explicit forward/backward passes on the MNIST
// subset or a toy set; adds the views its panel shows (receptive fields, mistakes, fits, gradient check).
#pragma once
#include <memory>
#include "engine/gradient_check.h"
#include "labs/supervised_lab.h"

namespace pl {

struct BackpropSettings {
    std::string dataset;  // mnist or a toy set (cubic, student-teacher, spirals, moons, xor)
    NetworkSettings network;
    TrainingSettings training;
};
const Fields<BackpropSettings>& backprop_fields();

class BackpropLab : public SupervisedLab {
public:
    static const LabInfo kInfo;
    BackpropLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    const BackpropSettings& settings() const { return settings_; }  // of the current run (read by reset())

    // Analytic vs finite-difference gradients of the current network on a few training samples.
    std::vector<GradientCheckRow> gradient_check(int samples = 8, int per_param = 20);

private:
    BackpropSettings settings_;
    std::string data_key_;  // dataset + seed the data was made with
};

}  // namespace pl
