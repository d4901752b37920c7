#include "labs/supervised_lab.h"

namespace pl {

void SupervisedLab::step() {
    if (done() || !data_) return;
    run.step();
    samples_seen_ = run.samples_seen;
    error = run.error;
}

Mlp SupervisedLab::make_net(uint64_t seed, bool linear) const {
    std::vector<int> sizes = {int(data_->train.x.rows())};
    for (int h : params.list("hidden")) sizes.push_back(h);
    sizes.push_back(int(data_->train.y.rows()));
    const std::string act = params.choice("activation");
    ActivationKind kind = linear             ? ActivationKind::Identity
                          : act == "relu"    ? ActivationKind::ReLU
                          : act == "sigmoid" ? ActivationKind::Sigmoid
                                             : ActivationKind::Tanh;
    Rng init_rng(seed);
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
              params.number("lr_decay"), seed + 1);
    samples_seen_ = 0;
}

}  // namespace pl
