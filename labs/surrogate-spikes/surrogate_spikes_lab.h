// Lab 5 "Surrogate-gradient spiking nets": a 784-hidden-10 LIF network on latency-coded digits, trained
// by BPTT with a surrogate spike derivative (or the true one, which is zero) and Adam; plus its views.
#pragma once
#include <algorithm>
#include <memory>
#include "engine/dataset.h"
#include "engine/optimizer.h"
#include "engine/spiking_net.h"
#include "labs/lab.h"

namespace pl {

// One sample run through the current network, for rasters and traces.
struct SpikingSample {
    Mat input_S;             // input spikes: inputs x steps
    Mat hidden_S, hidden_U;  // hidden x steps
    Mat output_U, output_S;  // classes x steps
    Vec probabilities;       // softmax of the logits
    int predicted = -1;
};

class SurrogateSpikesLab : public Lab {
public:
    static const LabInfo kInfo;
    SurrogateSpikesLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    // One unit of work: a chunk of up to chunk() samples of a training batch (forward + BPTT; Adam steps
    // after the batch's last chunk) or of the test set (forward only).
    void step() override;
    bool done() const override { return phase_ == Phase::Done || !error.empty(); }
    double progress() const override;
    std::vector<const MetricLog*> logs() const override { return {&epochs, &batches}; }
    // The last epoch's metrics, with epoch_s the mean seconds per training epoch over all epochs.
    std::vector<std::pair<std::string, double>> final_metrics() const override;
    bool started() const { return net != nullptr; }  // false when reset() failed (see error)

    // 784 pixels in 0..1 through the current net (Poisson spikes from a fixed view seed, not the run's).
    SpikingSample run_sample(const Vec& pixels);
    const Dataset& test_set() const { return data_->test; }
    double w1_change() const;  // ||W1 - W1(0)||_F / ||W1(0)||_F

    // Samples per step: 16 at hidden = 100, fewer for wider layers, so a step stays ~10 ms in wasm.
    int chunk() const { return std::max(1, 1600 / params.integer("hidden")); }
    std::unique_ptr<SpikingNet> net;
    Mat w1_initial;
    MetricLog
        epochs;  // epoch, train_loss, test_loss, train_acc, test_acc, w1_change, epoch_s, hidden_rate_hz
    MetricLog batches;  // batch, batch_loss, batch_acc, hidden_spikes (per neuron and sample)
    Eigen::MatrixXi confusion;
    Vec hidden_counts;  // mean spikes per hidden neuron per test sample (last evaluation)

private:
    enum class Phase { Train, Test, Done };
    SpikeTrain encode(const Mat& x, Rng& rng) const;  // rng: Poisson spikes only
    void train_chunk();
    void test_chunk();
    void end_epoch();

    std::shared_ptr<const Split> data_;
    std::unique_ptr<Optimizer> optimizer_;
    ActivityPenalty penalty_;
    Rng rng_{1};  // data order and Poisson spikes
    std::vector<int> order_;
    std::vector<Mat> grad_sum_;  // per param, over the chunks of the current batch
    Phase phase_ = Phase::Done;
    int epoch_ = 0, position_ = 0, batch_start_ = 0, batches_done_ = 0;
    double train_loss_ = 0, test_loss_ = 0;  // sums over the epoch's samples
    int train_correct_ = 0, test_correct_ = 0;
    double log_loss_ = 0, log_spikes_ = 0;  // sums since the last batches row
    int log_correct_ = 0, log_samples_ = 0;
    Vec count_sum_;
    std::vector<int> test_predictions_;
    double epoch_seconds_ = 0;  // wall time in training chunks this epoch
};

}  // namespace pl
