#include "labs/supervised_lab.h"
#include <algorithm>
#include "engine/random_streams.h"

namespace pl {

Fields<NetworkSettings> network_fields(const SupervisedDefaults& d) {
    ParamSpec activation = choice_param("activation", activation_table(), {"relu", "tanh", "sigmoid"},
                                        d.activation, "hidden-unit nonlinearity");
    activation.applies = d.activation_applies;
    return {
        bind(&NetworkSettings::hidden, int_list_param("hidden", d.hidden, 1, d.max_hidden,
                                                      "hidden layer sizes, comma separated, e.g. 128,64")),
        bind(&NetworkSettings::activation, activation),
    };
}

Fields<TrainingSettings> training_fields(const SupervisedDefaults& d) {
    using T = TrainingSettings;
    return {
        bind(&T::optimizer, choice_param("optimizer", optimizer_table(), optimizer_table().names(), "adam",
                                         "the optimizer")),
        bind(&T::lr, float_param("lr", d.lr, 1e-5, 10, "", "learning rate", true)),
        bind(&T::lr_decay, float_param("lr_decay", d.lr_decay, 0.1, 1, "",
                                       "learning rate multiplied by this after every epoch")),
        bind(&T::batch, int_param("batch", 32, 1, 1024, "mini-batch size")),
        bind(&T::init_scale,
             float_param("init_scale", 1.0, 0.01, 10, "", "W ~ N(0, init_scale^2 / fan_in)", true)),
        bind(&T::epochs, int_param("epochs", d.epochs, 1, d.max_epochs, "passes over the training set")),
        bind(&T::seed, int_param("seed", 1, 0, 1000000000, d.seed_help)),
        bind(&T::log_every, int_param("log_every", d.log_every, 1, 10000,
                                      "batches between two points of the per-batch curves")),
    };
}

void SupervisedLab::step() {
    if (done() || !data_) return;
    run.trainer.step();
    samples_seen_ = run.trainer.samples_seen;
    error = run.trainer.error;
}

Mlp SupervisedLab::make_net(const NetworkSettings& network, const TrainingSettings& training,
                            bool linear) const {
    std::vector<int> sizes = {int(data_->train.x.rows())};
    for (int h : network.hidden) sizes.push_back(h);
    sizes.push_back(int(data_->train.y.rows()));
    const ActivationKind kind =
        linear ? ActivationKind::Identity : activation_table().find(network.activation).value;
    Rng init_rng = random_stream(uint64_t(training.seed), Stream::Init);
    return Mlp(sizes, kind, init_rng, training.init_scale);
}

void SupervisedLab::start_run(Mlp net, std::unique_ptr<LearningRule> rule, const TrainingSettings& training) {
    std::unique_ptr<Loss> loss;
    if (data_->train.is_classification())
        loss = std::make_unique<SoftmaxCrossEntropy>();
    else
        loss = std::make_unique<MeanSquaredError>();
    run.advice = "lower the learning rate (lr, now " + params.text("lr") + ")" +
                 (training.optimizer == "adam" ? " or init_scale (now " + params.text("init_scale") + ")"
                                               : " or use optimizer=adam");
    run.start(std::move(net), std::move(loss), std::move(rule),
              make_optimizer(training.optimizer, training.lr), data_.get(), training.batch, training.epochs,
              training.log_every, training.lr_decay, uint64_t(training.seed));
    samples_seen_ = 0;
}

}  // namespace pl
