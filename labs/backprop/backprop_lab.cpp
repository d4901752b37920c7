#include "labs/backprop/backprop_lab.h"
#include <cmath>
#include "labs/task_data.h"

namespace pl {

const LabInfo BackpropLab::kInfo = {"backprop", "Backpropagation",
                                    "An MLP from scratch: forward, backward, gradient check, digits"};

BackpropLab::BackpropLab()
    : SupervisedLab({
          choice_param("dataset", {"mnist", "cubic", "student-teacher", "spirals", "moons", "xor"}, 0,
                       "MNIST subset (8,000 train / 2,000 test digits) or a toy set"),
          int_list_param("hidden", {256}, 1, 1024, "hidden layer sizes, comma separated, e.g. 128,64"),
          choice_param("activation", {"relu", "sigmoid", "tanh"}, 0, "hidden-unit nonlinearity"),
          choice_param("optimizer", {"adam", "sgd", "momentum"}, 0,
                       "Adam, plain SGD, or SGD with momentum 0.9"),
          float_param("lr", 0.002, 1e-5, 10, "", "learning rate", true),
          float_param("lr_decay", 0.8, 0.1, 1, "", "learning rate multiplied by this after every epoch"),
          int_param("batch", 32, 1, 1024, "mini-batch size"),
          float_param("init_scale", 1.0, 0.01, 10, "", "W ~ N(0, init_scale^2 / fan_in)", true),
          int_param("epochs", 10, 1, 500, "passes over the training set"),
          int_param("seed", 1, 0, 1000000000, "seeds the data order, the initial weights and toy data"),
          int_param("log_every", 25, 1, 10000, "batches between two points of the per-batch curves"),
      }) {}

void BackpropLab::reset() {
    error.clear();
    const std::string dataset = params.choice("dataset");
    const uint64_t seed = uint64_t(params.integer("seed"));
    const std::string key = dataset == "mnist" ? dataset : dataset + "/" + std::to_string(seed);

    if (key != data_key_) {
        try {
            data_ = task_data(dataset, seed);
        } catch (const std::exception& e) {
            error = e.what();
            data_key_.clear();
            return;
        }
        data_key_ = key;
    }

    start_run(make_net(seed), std::make_unique<Backprop>(), seed);
}

std::vector<GradientCheckRow> BackpropLab::gradient_check(int samples, int per_param) {
    Rng rng(uint64_t(params.integer("seed")) + 99);
    int n = std::min(samples, run.data->train.size());
    return check_gradients(run.net, *run.loss, run.data->train.x.leftCols(n), run.data->train.y.leftCols(n),
                           rng, per_param);
}

}  // namespace pl
