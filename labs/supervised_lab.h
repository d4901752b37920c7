// The base of labs that train one Mlp with a SupervisedRun (Labs 1, 2, 4, 7): it steps the run, exposes its
// logs, and builds the network and the run from the shared settings (NetworkSettings, TrainingSettings).
#pragma once
#include <memory>
#include "labs/lab.h"
#include "labs/supervised_run.h"

namespace pl {

// Per-lab defaults of the shared parameters; the two field lists below declare them.
struct SupervisedDefaults {
    std::vector<int> hidden = {256};
    int max_hidden = 1024;
    std::string activation = "relu";  // relu, tanh or sigmoid
    double lr = 0.002, lr_decay = 0.8;
    int epochs = 10, max_epochs = 500, log_every = 25;
    std::string seed_help = "seeds the data order and the initial weights";
    Applies activation_applies = {};  // when the activation is shown (empty: always)
};

struct NetworkSettings {
    std::vector<int> hidden;  // hidden layer sizes
    std::string activation;   // relu, tanh or sigmoid
};
struct TrainingSettings {
    std::string optimizer;  // adam, sgd or momentum
    double lr = 0;
    double lr_decay = 0;  // the learning rate is multiplied by this after every epoch
    int batch = 0;
    double init_scale = 0;  // W ~ N(0, init_scale^2 / fan_in)
    int epochs = 0;
    int seed = 0;
    int log_every = 0;  // batches between two points of the per-batch curves
};
Fields<NetworkSettings> network_fields(const SupervisedDefaults& d);    // hidden, activation
Fields<TrainingSettings> training_fields(const SupervisedDefaults& d);  // optimizer, lr, lr_decay, batch,
                                                                        // init_scale, epochs, seed, log_every
// `own`, then the network and the training fields bound to S::network and S::training.
template <class S>
Fields<S> supervised_fields(Fields<S> own, const SupervisedDefaults& d) {
    for (const Field<S>& f : nested(&S::network, network_fields(d))) own.push_back(f);
    for (const Field<S>& f : nested(&S::training, training_fields(d))) own.push_back(f);
    return own;
}

class SupervisedLab : public Lab {
public:
    using Lab::Lab;
    void step() override;
    bool done() const override { return run.trainer.done() || !error.empty(); }
    double progress() const override { return run.trainer.progress(); }
    std::vector<const MetricLog*> logs() const override {
        return {&run.trainer.epochs, &run.trainer.batches};
    }
    bool started() const { return run.loss != nullptr; }  // false when reset() failed (see error)

    SupervisedRun run;

protected:
    // reset() cannot start the run: `error` and `problem` set, the run emptied (no network, empty logs).
    void fail_to_start(Problem what, const std::string& message) {
        fail(what, message), run = SupervisedRun();
    }
    // An Mlp for data_ with the `hidden` sizes, the `activation` (Identity if linear) and `init_scale`, its
    // weights drawn from the seed's Init stream: the same initial weights whatever else differs.
    Mlp make_net(const NetworkSettings& network, const TrainingSettings& training, bool linear = false) const;
    // Starts `run` on data_ with `net` and `rule`: cross-entropy or MSE as the data requires, and the
    // optimizer and schedule of `training`; the data order is drawn from the seed's DataOrder stream.
    void start_run(Mlp net, std::unique_ptr<LearningRule> rule, const TrainingSettings& training);

    std::shared_ptr<const Split> data_;
};

}  // namespace pl
