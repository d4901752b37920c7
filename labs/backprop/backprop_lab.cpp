#include "labs/backprop/backprop_lab.h"
#include <cmath>
#include "engine/random_streams.h"
#include "labs/task_data.h"

namespace pl {

const LabInfo BackpropLab::kInfo = {"backprop", "Backpropagation",
                                    "An MLP from scratch: forward, backward, gradient check, digits"};

const Fields<BackpropSettings>& backprop_fields() {
    static const Fields<BackpropSettings> fields = supervised_fields<BackpropSettings>(
        {bind(&BackpropSettings::dataset,
              choice_param("dataset", task_data_table(),
                           {"mnist", "cubic", "student-teacher", "spirals", "moons", "xor"}, "mnist",
                           "the MNIST subset or a toy set"))},
        {.seed_help = "seeds the data order, the initial weights and toy data"});
    return fields;
}

BackpropLab::BackpropLab() : SupervisedLab(specs_of(backprop_fields())) {}

void BackpropLab::reset() {
    clear_error();
    settings_ = read_settings(backprop_fields(), params);
    const std::string& dataset = settings_.dataset;
    const uint64_t seed = uint64_t(settings_.training.seed);
    const std::string key = dataset == "mnist" ? dataset : dataset + "/" + std::to_string(seed);

    if (key != data_key_) {
        try {
            data_ = task_data(dataset, seed);
        } catch (const DataError& e) {
            fail_to_start(Problem::BadData, e.what());
            data_key_.clear();
            return;
        }
        data_key_ = key;
    }

    start_run(make_net(settings_.network, settings_.training), std::make_unique<Backprop>(),
              settings_.training);
}

std::vector<GradientCheckRow> BackpropLab::gradient_check(int samples, int per_param) {
    Rng rng = random_stream(uint64_t(settings_.training.seed), Stream::View);
    int n = std::min(samples, run.data->train.size());
    return check_gradients(run.net, *run.loss, run.data->train.x.leftCols(n), run.data->train.y.leftCols(n),
                           rng, per_param);
}

}  // namespace pl
