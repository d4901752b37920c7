#include "labs/supervised_lab.h"
#include <algorithm>
#include "engine/random_streams.h"

namespace pl {

std::vector<ParamSpec> network_params(const SupervisedDefaults& d) {
    const std::vector<std::string> activations = {"relu", "tanh", "sigmoid"};
    const int activation =
        int(std::find(activations.begin(), activations.end(), d.activation) - activations.begin());
    return {
        int_list_param("hidden", d.hidden, 1, d.max_hidden,
                       "hidden layer sizes, comma separated, e.g. 128,64"),
        choice_param("activation", activations, activation, "hidden-unit nonlinearity"),
    };
}

std::vector<ParamSpec> training_params(const SupervisedDefaults& d) {
    return {
        choice_param("optimizer", {"adam", "sgd", "momentum"}, 0,
                     "Adam, plain SGD, or SGD with momentum 0.9"),
        float_param("lr", d.lr, 1e-5, 10, "", "learning rate", true),
        float_param("lr_decay", d.lr_decay, 0.1, 1, "", "learning rate multiplied by this after every epoch"),
        int_param("batch", 32, 1, 1024, "mini-batch size"),
        float_param("init_scale", 1.0, 0.01, 10, "", "W ~ N(0, init_scale^2 / fan_in)", true),
        int_param("epochs", d.epochs, 1, d.max_epochs, "passes over the training set"),
        int_param("seed", 1, 0, 1000000000, d.seed_help),
        int_param("log_every", d.log_every, 1, 10000, "batches between two points of the per-batch curves"),
    };
}

void SupervisedLab::step() {
    if (done() || !data_) return;
    run.trainer.step();
    samples_seen_ = run.trainer.samples_seen;
    error = run.trainer.error;
}

Mlp SupervisedLab::make_net(uint64_t seed, bool linear) const {
    std::vector<int> sizes = {int(data_->train.x.rows())};
    for (int h : params.list("hidden")) sizes.push_back(h);
    sizes.push_back(int(data_->train.y.rows()));
    const ActivationKind kind =
        linear ? ActivationKind::Identity : activation_table().find(params.choice("activation")).value;
    Rng init_rng = random_stream(seed, Stream::Init);
    return Mlp(sizes, kind, init_rng, params.number("init_scale"));
}

void SupervisedLab::start_run(Mlp net, std::unique_ptr<LearningRule> rule, uint64_t seed) {
    std::unique_ptr<Loss> loss;
    if (data_->train.is_classification())
        loss = std::make_unique<SoftmaxCrossEntropy>();
    else
        loss = std::make_unique<MeanSquaredError>();
    run.start(std::move(net), std::move(loss), std::move(rule),
              make_optimizer(params.choice("optimizer"), params.number("lr")), data_.get(),
              params.integer("batch"), params.integer("epochs"), params.integer("log_every"),
              params.number("lr_decay"), seed);
    samples_seen_ = 0;
}

}  // namespace pl
