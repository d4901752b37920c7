// The base of labs that train one Mlp with a SupervisedRun (Labs 1, 2, 7): it steps the run, exposes its
// logs, and builds the network and the run from the shared parameters (hidden, activation, init_scale,
// optimizer, lr, lr_decay, batch, epochs, log_every).
#pragma once
#include <memory>
#include "labs/lab.h"
#include "labs/supervised_run.h"

namespace pl {

// Per-lab defaults of the parameters SupervisedLab reads; the two lists below declare them.
struct SupervisedDefaults {
    std::vector<int> hidden = {256};
    int max_hidden = 1024;
    std::string activation = "relu";  // relu, tanh or sigmoid
    double lr = 0.002, lr_decay = 0.8;
    int epochs = 10, max_epochs = 500, log_every = 25;
    std::string seed_help = "seeds the data order and the initial weights";
};
std::vector<ParamSpec> network_params(const SupervisedDefaults& d);   // hidden, activation
std::vector<ParamSpec> training_params(const SupervisedDefaults& d);  // optimizer, lr, lr_decay, batch,
                                                                      // init_scale, epochs, seed, log_every

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
    // An Mlp for data_ with the `hidden` sizes, the `activation` choice (Identity if linear) and
    // `init_scale`, its weights drawn from Stream::Init: the same initial weights whatever else differs.
    Mlp make_net(uint64_t seed, bool linear = false) const;
    // Starts `run` on data_ with `net` and `rule`: cross-entropy or MSE as the data requires, and the
    // optimizer and schedule from the parameters; the data order is drawn from the seed's DataOrder stream.
    void start_run(Mlp net, std::unique_ptr<LearningRule> rule, uint64_t seed);

    std::shared_ptr<const Split> data_;
};

}  // namespace pl
