#include "labs/surrogate-spikes/surrogate_spikes_lab.h"
#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include "engine/loss.h"
#include "engine/metrics.h"
#include "engine/neuron_models.h"
#include "engine/random_streams.h"
#include "labs/model_param_specs.h"
#include "labs/task_data.h"

namespace pl {

namespace {

const NeuronModel& lif_model() { return neuron_table().find("lif").value; }

std::string steps_help() {
    std::ostringstream help;
    help << "simulation steps of dt = " << kStepMs << " ms per sample";
    return help.str();
}

}  // namespace

const LabInfo SurrogateSpikesLab::kInfo = {"surrogate-spikes", "Surrogate-gradient spiking nets",
                                           "LIF networks trained by BPTT with surrogate gradients"};

const Fields<SurrogateSpikesSettings>& surrogate_spikes_fields() {
    using S = SurrogateSpikesSettings;
    static const Fields<S> fields = [] {
        std::vector<std::string> surrogates = surrogate_table().names();  // steepness: all but none
        surrogates.erase(std::find(surrogates.begin(), surrogates.end(), "none"));
        ParamSpec steepness = float_param(
            "steepness", 10, 0.5, 200, "",
            "beta of the fast sigmoid 1/(beta|v|+1)^2 (SpyTorch 100) or k of the logistic (course 20)", true);
        steepness.applies = when("surrogate", surrogates);
        Fields<S> out = {
            bind(&S::dataset,
                 choice_param("dataset", task_data_table(), {"mnist", "fashion"}, "mnist", "the image set")),
            bind(&S::hidden,
                 int_param("hidden", 100, 1, 1000, "hidden LIF neurons (the course's second run uses 500)")),
            bind(&S::surrogate,
                 choice_param(
                     "surrogate", surrogate_table().names(), 0,
                     "spike derivative in the backward pass; none = the true derivative of the step, 0")),
            bind(&S::steepness, steepness),
            bind(&S::readout,
                 choice_param("readout", readout_table().names(), 0,
                              "logits: each output unit's maximum voltage over time, or its spike count")),
            bind(&S::encoding,
                 choice_param(
                     "encoding", encoding_table().names(), 0,
                     "pixel -> one spike at t = tau_eff ln(x/(x-theta)), or Poisson spikes at x * 100 Hz")),
            bind(&S::steps, int_param("steps", 100, 10, 500, steps_help())),
        };
        // tau_mem, tau_syn, tau_rise, R, theta, reset
        for (Field<S>& f : model_fields(&S::neuron, lif_model().params())) out.push_back(f);
        const Fields<S> training = {
            bind(&S::weight_scale, float_param("weight_scale", 1, 0.01, 50, "",
                                               "W ~ N(0, (weight_scale / sqrt(fan_in))^2)", true)),
            bind(&S::reg_l1,
                 float_param("reg_l1", 0, 0, 0.1, "", "activity penalty per hidden spike (per sample)")),
            bind(&S::reg_l2,
                 float_param("reg_l2", 0, 0, 0.1, "", "penalty on (mean spikes per hidden neuron)^2")),
            bind(&S::lr, float_param("lr", 0.002, 1e-5, 1, "", "Adam learning rate", true)),
            bind(&S::batch, int_param("batch", 64, 1, 1024, "mini-batch size")),
            bind(&S::epochs, int_param("epochs", 5, 1, 200, "passes over the training set")),
            bind(&S::seed, int_param("seed", 1, 0, 1000000000,
                                     "seeds the initial weights, the data order and Poisson spikes")),
            bind(&S::log_every,
                 int_param("log_every", 10, 1, 10000, "batches between two points of the per-batch curves")),
        };
        out.insert(out.end(), training.begin(), training.end());
        return out;
    }();
    return fields;
}

SurrogateSpikesLab::SurrogateSpikesLab()
    : Lab(specs_of(surrogate_spikes_fields()),
          {
              {"course-5.1", "the course's run 5.1: non-spiking outputs read out by their maximum voltage",
               "readout=max-voltage&surrogate=fast-sigmoid&steepness=10&hidden=100"},
              {"course-5.2", "the course's run 5.2: spiking outputs read out by their spike count",
               "readout=spike-count&surrogate=fast-sigmoid&steepness=10&hidden=100"},
          }) {}

void SurrogateSpikesLab::reset() {
    clear_error();
    net.reset();
    trainer = Trainer();  // done, with empty logs, until the data are loaded
    settings_ = read_settings(surrogate_spikes_fields(), params);
    try {
        data_ = task_data(settings_.dataset, 0);
    } catch (const DataError& e) {
        fail(Problem::BadData, e.what());
        data_.reset();
        return;
    }
    const uint64_t seed = uint64_t(settings_.seed);

    // inputs -> hidden -> classes LIF layers stepping by dt, W ~ N(0, (weight_scale / sqrt(fan_in))^2)
    const ParamLookup value = lookup_of(settings_.neuron);
    const int inputs = int(data_->train.x.rows()), hidden = settings_.hidden;
    const int classes = data_->train.classes;
    Rng init_rng = random_stream(seed, Stream::Init);
    net = std::make_unique<SpikingNet>(
        lif_model().make(inputs, hidden, value, kStepMs), lif_model().make(hidden, classes, value, kStepMs),
        readout_table().find(settings_.readout).value, settings_.weight_scale, init_rng);
    for (SpikingLayer* layer : {&net->hidden, &net->output}) {
        layer->spike.surrogate = surrogate_table().find(settings_.surrogate).value;
        layer->spike.steepness = settings_.steepness;
    }
    w1_initial = net->hidden.W.value;
    optimizer_ = std::make_unique<Adam>(settings_.lr);
    penalty_ = {settings_.reg_l1, settings_.reg_l2};

    spikes_rng_ = random_stream(seed, Stream::Spikes);
    confusion = Eigen::MatrixXi::Zero(classes, classes);
    hidden_counts = Vec::Zero(hidden);
    log_spikes_ = 0, log_samples_ = 0;
    samples_seen_ = 0;

    TrainerSetup setup;
    setup.phases = {{"train", &data_->train, settings_.epochs}};
    setup.eval_sets = {{"test", &data_->test}};
    setup.columns = {"train_loss", "test_loss", "train_acc",     "test_acc",
                     "w1_change",  "epoch_s",   "hidden_rate_hz"};
    setup.batch = settings_.batch;
    setup.log_every = settings_.log_every;
    setup.batch_acc = true;
    setup.seed = seed;
    setup.advice = "lower the learning rate (lr, now " + params.text("lr") + ") or weight_scale (now " +
                   params.text("weight_scale") + ")";
    setup.dead_advice = "use a surrogate gradient (surrogate, now " + params.text("surrogate") +
                        ") or raise weight_scale (now " + params.text("weight_scale") +
                        ") so the neurons fire";
    trainer.hooks.end_epoch = [this] {
        const double duration_s = settings_.steps * net->hidden.dt_ms() / 1000;  // steps of dt (ms)
        return std::vector<double>{w1_change(), hidden_counts.mean() / duration_s};
    };
    trainer.start(model_, setup);
}

SpikeTrain SurrogateSpikesLab::encode(const Mat& x, Rng& rng) const {
    const SpikeEncoder encoder = encoding_table().find(settings_.encoding).value;
    return encoder(x, settings_.steps, net->hidden.dt_ms(), rng);
}

void SurrogateSpikesLab::step() {
    if (done()) return;
    trainer.step();
    samples_seen_ = trainer.samples_seen;
    error = trainer.error;
}

ChunkResult SurrogateSpikesLab::Model::train_chunk(const Mat& x, const Mat& y) {
    SoftmaxCrossEntropy ce;
    SpikingNet& net = *lab.net;
    ChunkResult result;
    result.outputs = net.forward(lab.encode(x, lab.spikes_rng_), int(x.cols()));
    result.loss = ce.value(result.outputs, y) + lab.penalty_.value(net.hidden);
    net.backward(ce.grad(result.outputs, y), lab.penalty_);  // chunk mean
    lab.log_spikes_ += spike_counts(net.hidden).sum() / net.hidden.out();
    lab.log_samples_ += int(x.cols());
    return result;
}

Mat SurrogateSpikesLab::Model::predict(const Mat& x, int pass) {
    (void)pass;
    const Mat logits = lab.net->forward(lab.encode(x, lab.spikes_rng_), int(x.cols()));
    lab.count_sum_ += spike_counts(lab.net->hidden).rowwise().sum();
    return logits;
}

double SurrogateSpikesLab::Model::eval_loss(const Mat& outputs, const Mat& y) {
    return SoftmaxCrossEntropy().value(outputs, y);
}

std::vector<double> SurrogateSpikesLab::Model::batch_values() {
    const double spikes = lab.log_spikes_ / lab.log_samples_;
    lab.log_spikes_ = 0, lab.log_samples_ = 0;
    return {spikes};
}

void SurrogateSpikesLab::Model::end_evaluation() {
    const Dataset& test = lab.data_->test;
    lab.confusion = confusion_matrix(argmax_columns(lab.trainer.outputs("test")), test.labels, test.classes);
    lab.hidden_counts = lab.count_sum_ / double(test.size());
}

std::vector<std::pair<std::string, double>> SurrogateSpikesLab::final_metrics() const {
    std::vector<std::pair<std::string, double>> out = Lab::final_metrics();  // none before the run started
    for (auto& [name, value] : out) {
        if (name != "epoch_s" || trainer.epochs.rows() == 0) continue;
        const std::vector<double>& seconds = trainer.epochs.column("epoch_s");
        value = std::accumulate(seconds.begin(), seconds.end(), 0.0) / double(seconds.size());
    }
    return out;
}

double SurrogateSpikesLab::w1_change() const {
    return (net->hidden.W.value - w1_initial).norm() / w1_initial.norm();
}

SpikingSample SurrogateSpikesLab::run_sample(const Vec& pixels) {
    SpikingSample s;
    if (!net) return s;
    Rng view_rng = random_stream(uint64_t(settings_.seed), Stream::View);
    const SpikeTrain input = encode(pixels, view_rng);
    const Mat logits = net->forward(input, 1);
    s.input_S = to_dense(input, net->hidden.in(), 1);  // batch 1: every record is neurons x steps
    s.hidden_S = net->hidden.record.S, s.hidden_U = net->hidden.record.U;
    s.hidden_extra = net->hidden.record.extra;
    s.output_U = net->output.record.U, s.output_S = net->output.record.S;
    s.probabilities = softmax(logits).col(0);
    s.probabilities.maxCoeff(&s.predicted);
    return s;
}

}  // namespace pl
