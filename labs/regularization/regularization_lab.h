// Lab 4 "Regularization": a wide MLP on a small slice of the MNIST subset overfits; L2, L1, dropout,
// max-norm, early stopping, data augmentation and batch norm, each switched on with its strength, close the
// gap.
#pragma once
#include <string>
#include <vector>
#include "engine/augment.h"
#include "labs/supervised_lab.h"

namespace pl {

// The regularizers one run trains with, from the switches (which the presets none and recommended set).
struct Regularizers {
    double l2 = 0, l1 = 0;                  // penalty strengths lambda (0 = off)
    double dropout = 0, input_dropout = 0;  // drop rates after every hidden layer / on the input pixels
    double max_norm = 0;                    // c of ||w_i|| <= c per unit (0 = off)
    bool early_stopping = false;            // on the validation loss, restoring the best weights
    int patience = 5;                       // epochs without a new best before stopping
    bool augment = false;
    AugmentOptions augmentation;
    bool batch_norm = false;
    std::string summary() const;  // "dropout 0.5, augment (shift 2 px, ...)" or "none"
    std::string query()
        const;  // the switches as "l2=0&...": a preset's values (strengths only if augmenting)
};

struct RegularizationSettings {
    int train_size = 0;  // training digits, the first of the subset's in a fixed shuffled order
    Regularizers regularizers;
    NetworkSettings network;
    TrainingSettings training;
};
const Fields<RegularizationSettings>& regularization_fields();

class RegularizationLab : public SupervisedLab {
public:
    static const LabInfo kInfo;
    static const Regularizers kRecommended;  // what preset=recommended trains with
    RegularizationLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    // train_acc, test_acc, gap, epoch_stopped, best_epoch, ...: of the best epoch when early stopping
    // (the weights the run ends with), else of the last.
    std::vector<std::pair<std::string, double>> final_metrics() const override;

    const RegularizationSettings& settings() const { return settings_; }  // of the current run
    const Regularizers& regularizers() const { return settings_.regularizers; }
    // The first `digits` training digits, each followed by `variants` augmented copies drawn from the view
    // stream of `draw`.
    Mat augmented_samples(int digits, int variants, uint64_t draw) const;
    int best_epoch() const { return best_epoch_; }  // lowest validation loss so far; 0 before the first epoch
    // Accuracy on `samples` test digits (a fixed mix of the classes) with batch norm using its running
    // averages (batch = 0) or, as in training, each batch's own statistics; dropout off, running averages
    // kept.
    double test_accuracy(int samples, int batch = 0);

private:
    Mlp make_regularized_net() const;
    bool early_stop_check();  // after each epoch: keep the best weights; stop (and restore them) when
                              // patience runs out

    RegularizationSettings settings_;
    std::shared_ptr<const Split> mnist_;  // the whole subset; data_ holds train_size of its training digits
    std::vector<int> order_;  // the training digits in a fixed shuffled order (the file is by class)
    Dataset validation_;      // the last 1,000 of that order, never trained on
    Rng augment_rng_{1};
    std::vector<Mat> best_state_;  // params and buffers at the best epoch
    int best_epoch_ = 0;
    double best_valid_loss_ = 0;
};

}  // namespace pl
