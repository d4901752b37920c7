#include "labs/backprop/backprop_lab.h"

#include "labs/task_data.h"
#include <cmath>

namespace pl {

const LabInfo BackpropLab::kInfo = {"backprop", "Backpropagation",
                                    "An MLP from scratch: forward, backward, gradient check, digits"};

BackpropLab::BackpropLab()
    : Lab({
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

    std::vector<int> sizes = {int(data_->train.x.rows())};
    for (int h : params.list("hidden")) sizes.push_back(h);
    sizes.push_back(int(data_->train.y.rows()));
    const std::string act = params.choice("activation");
    ActivationKind kind = act == "relu"      ? ActivationKind::ReLU
                          : act == "sigmoid" ? ActivationKind::Sigmoid
                                             : ActivationKind::Tanh;
    Rng init_rng(seed);
    Mlp net(sizes, kind, init_rng, params.number("init_scale"));

    std::unique_ptr<Loss> loss;
    if (data_->train.is_classification())
        loss = std::make_unique<SoftmaxCrossEntropy>();
    else
        loss = std::make_unique<MeanSquaredError>();

    run.start(std::move(net), std::move(loss), std::make_unique<Backprop>(),
              make_optimizer(params.choice("optimizer"), params.number("lr")), data_.get(),
              params.integer("batch"), params.integer("epochs"), params.integer("log_every"),
              params.number("lr_decay"), seed + 1);
    samples_seen_ = 0;
}

void BackpropLab::step() {
    if (done() || !data_) return;
    run.step();
    samples_seen_ = run.samples_seen;
    error = run.error;
}

Vec BackpropLab::predict(const Vec& x) { return run.loss->predict(run.net.forward(x, false)).col(0); }

Mat BackpropLab::receptive_fields(int count) {
    const Mat& W = run.net.linears().front()->W.value;
    int n = std::min<int>(count, int(W.rows()));
    return W.topRows(n).transpose();
}

std::vector<int> BackpropLab::misclassified(int count) const {
    std::vector<int> out;
    const std::vector<int>& predicted = run.test_predictions;
    for (size_t i = 0; i < predicted.size() && int(out.size()) < count; ++i)
        if (predicted[i] != data_->test.labels[i]) out.push_back(int(i));
    return out;
}

void BackpropLab::fit_curve(std::vector<double>& x, std::vector<double>& fit, std::vector<double>& truth) {
    const int n = 200;
    double lo = data_->test.x.minCoeff(), hi = data_->test.x.maxCoeff();
    Mat grid = Eigen::RowVectorXd::LinSpaced(n, lo - 0.5, hi + 0.5);
    Mat out = run.net.forward(grid, false);
    x.assign(grid.data(), grid.data() + n);
    fit.assign(out.data(), out.data() + n);
    truth.resize(size_t(n));
    for (int i = 0; i < n; ++i) truth[size_t(i)] = std::pow(x[size_t(i)], 3);  // y = x^3
}

Mat BackpropLab::decision_map(int resolution, double& lo, double& hi) {
    lo = std::min(data_->train.x.minCoeff(), data_->test.x.minCoeff());
    hi = std::max(data_->train.x.maxCoeff(), data_->test.x.maxCoeff());
    Mat grid(2, resolution * resolution);
    Vec axis = Vec::LinSpaced(resolution, lo, hi);
    for (int r = 0; r < resolution; ++r)
        for (int c = 0; c < resolution; ++c)
            grid.col(r * resolution + c) << axis(c), axis(resolution - 1 - r);
    Mat p = run.loss->predict(run.net.forward(grid, false));
    return p.row(1).transpose();  // (resolution^2) x 1, row-major image, top row = high y
}

std::vector<GradientCheckRow> BackpropLab::gradient_check(int samples, int per_param) {
    Rng rng(uint64_t(params.integer("seed")) + 99);
    int n = std::min(samples, data_->train.size());
    return check_gradients(run.net, *run.loss, data_->train.x.leftCols(n), data_->train.y.leftCols(n), rng,
                           per_param);
}

}  // namespace pl
