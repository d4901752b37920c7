// Lab 5 "Surrogate-gradient spiking nets": a 784-hidden-10 LIF network on latency-coded digits, trained
// by BPTT with a surrogate spike derivative (or the true one, which is zero) and Adam; plus its views.
#pragma once
#include <algorithm>
#include <memory>
#include "engine/dataset.h"
#include "engine/optimizer.h"
#include "engine/spiking_net.h"
#include "engine/trainer.h"
#include "labs/lab.h"
#include "labs/model_param_specs.h"

namespace pl {

// One field per parameter, declared with their help, ranges and modes in surrogate_spikes_fields().
struct SurrogateSpikesSettings {
    std::string dataset;    // mnist | fashion
    int hidden;             // hidden LIF neurons
    std::string surrogate;  // a name in surrogate_table()
    double steepness;       // beta of the fast sigmoid or k of the logistic
    std::string readout;    // a name in readout_table()
    std::string encoding;   // a name in encoding_table()
    int steps;              // simulation steps of dt = kStepMs per sample
    ModelValues neuron;     // the LIF table's values (tau_mem, ..., reset), units declared in the table
    double weight_scale, reg_l1, reg_l2, lr;
    int batch, epochs, seed, log_every;
};
const Fields<SurrogateSpikesSettings>& surrogate_spikes_fields();

// One sample run through the current network, for rasters and traces.
struct SpikingSample {
    Mat input_S;                           // input spikes: inputs x steps
    Mat hidden_S, hidden_U;                // hidden x steps
    std::vector<NamedTrace> hidden_extra;  // the neuron model's own variables (LIF: I_syn), hidden x steps
    Mat output_U, output_S;                // classes x steps
    Vec probabilities;                     // softmax of the logits
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
    bool done() const override { return !net || trainer.done() || !error.empty(); }
    double progress() const override { return net ? trainer.progress() : 1; }
    std::vector<const MetricLog*> logs() const override { return {&trainer.epochs, &trainer.batches}; }
    // The last epoch's metrics, with epoch_s the mean seconds per training epoch over all epochs.
    std::vector<std::pair<std::string, double>> final_metrics() const override;
    bool started() const { return net != nullptr; }  // false when reset() failed (see error)

    // 784 pixels in 0..1 through the current net (Poisson spikes from Stream::View, not the run's).
    SpikingSample run_sample(const Vec& pixels);
    const Dataset& test_set() const { return data_->test; }
    double w1_change() const;  // ||W1 - W1(0)||_F / ||W1(0)||_F

    // Samples per step: 16 at hidden = 100, fewer for wider layers, so a step stays ~10 ms in wasm.
    int chunk() const { return std::max(1, 1600 / settings_.hidden); }
    const SurrogateSpikesSettings& settings() const {
        return settings_;
    }  // of the last reset() (before it: the defaults)
    std::unique_ptr<SpikingNet> net;
    Mat w1_initial;
    // epochs: epoch, train_loss, test_loss, train_acc, test_acc, w1_change, epoch_s, hidden_rate_hz
    // batches: batch, batch_loss, batch_acc, hidden_spikes (per neuron and sample)
    Trainer trainer;
    Eigen::MatrixXi confusion;
    Vec hidden_counts;  // mean spikes per hidden neuron per test sample (last evaluation)

private:
    SpikeTrain encode(const Mat& x, Rng& rng) const;  // the `encoding`; rng: Poisson spikes only

    SurrogateSpikesSettings settings_ = read_settings(surrogate_spikes_fields(), params);
    std::shared_ptr<const Split> data_;
    std::unique_ptr<Optimizer> optimizer_;
    ActivityPenalty penalty_;
    Rng spikes_rng_{1};      // Poisson input spikes (Stream::Spikes)
    double log_spikes_ = 0;  // hidden spikes per neuron, summed over samples since the last
    int log_samples_ = 0;    // batches row
    Vec count_sum_;          // hidden spikes per neuron over the evaluation's samples

    // The Trainer's model: chunks of chunk() samples, each encoded to spikes, forward + BPTT; Adam after the
    // batch's last chunk.
    struct Model : TrainerModel {
        explicit Model(SurrogateSpikesLab& lab) : lab(lab) {}
        int chunk_size() const override { return lab.chunk(); }
        ChunkResult train_chunk(const Mat& x, const Mat& y) override;
        void update() override { lab.optimizer_->step(lab.net->params()); }
        Mat predict(const Mat& x, int pass) override;
        double eval_loss(const Mat& outputs, const Mat& y) override;
        std::vector<Param*> params() override { return lab.net->params(); }
        std::vector<std::string> batch_columns() override { return {"hidden_spikes"}; }
        std::vector<double> batch_values() override;
        void begin_evaluation() override { lab.count_sum_ = Vec::Zero(lab.net->hidden.out()); }
        void end_evaluation() override;  // confusion, hidden_counts
        SurrogateSpikesLab& lab;
    };
    Model model_{*this};
};

}  // namespace pl
