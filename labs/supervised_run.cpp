#include "labs/supervised_run.h"
#include <algorithm>
#include <cmath>
#include "engine/math.h"
#include "engine/metrics.h"

namespace pl {

namespace {
constexpr int kEvalChunk = 100;  // samples per evaluation step: keeps one step() well under 30 ms in wasm
// Multiply-adds in one training or evaluation chunk at most: a batch of the default networks is one chunk
// (784-256-10 at batch 64: 3.9e7), and one of a huge network (hidden=2048 x 5, batch 1024: 6.5e10) is cut
// into chunks of 16 samples, so one step() stays well under a second. Smaller chunks would not be faster:
// each chunk streams every weight three times (forward, backward, dL/dW), 0.5 GB for that network.
constexpr double kMacsPerChunk = 1e9;

double weight_count(Mlp& net) {
    double count = 0;
    for (Linear* layer : net.linears()) count += double(layer->W.value.size());
    return count;
}
}  // namespace

void SupervisedRun::start(Mlp net_, std::unique_ptr<Loss> loss_, std::unique_ptr<LearningRule> rule_,
                          std::unique_ptr<Optimizer> optimizer_, const Split* data_, int batch, int epochs,
                          int log_every, double lr_decay, uint64_t seed) {
    net = std::move(net_);
    loss = std::move(loss_);
    rule = std::move(rule_);
    optimizer = std::move(optimizer_);
    optimizer->allocate(net.params());
    data = data_;
    lr_decay_ = lr_decay;
    chunk_ = ChunkResult();
    test_predictions.clear();
    confusion = Eigen::MatrixXi::Zero(data->train.classes, data->train.classes);

    TrainerSetup setup;
    setup.phases = {{"train", &data->train, epochs}};
    setup.eval_sets = {{"train", &data->train}, {"test", &data->test}};
    setup.columns = {"train_loss", "test_loss", "train_acc", "test_acc"};
    if (validation) {
        setup.eval_sets.push_back({"valid", validation});
        setup.columns.insert(setup.columns.end(), {"valid_loss", "valid_acc"});
    }
    setup.columns.insert(setup.columns.end(), extra_columns.begin(), extra_columns.end());
    setup.batch = batch, setup.log_every = log_every, setup.seed = seed;
    if (!advice.empty()) setup.advice = advice;
    trainer.start(*this, setup);
}

// A trained sample costs about 3 multiply-adds per weight (forward, backward, dL/dW).
int SupervisedRun::chunk_size() const {
    if (whole_batches) return TrainerModel::chunk_size();
    return std::max(1, int(kMacsPerChunk / (3 * weight_count(const_cast<Mlp&>(net)))));
}

int SupervisedRun::eval_chunk_size() const {
    return std::max(1, std::min(kEvalChunk, int(kMacsPerChunk / weight_count(const_cast<Mlp&>(net)))));
}

// The rule's backward in slices of kStepSliceMs (predictive coding's inference can take many frames): the
// forward pass at a chunk's first call, the rule's backward_steps() until they finish, one step apart.
ChunkResult SupervisedRun::train_chunk(const Mat& x, const Mat& y) {
    if (chunk_.finished) {  // a new chunk
        chunk_.outputs = net.forward(x, true);
        chunk_.loss = loss->value(chunk_.outputs, y);
        grad_out_ = loss->grad(chunk_.outputs, y);
    }
    chunk_.finished = false;
    for_a_slice(
        slice_ms, 1, [&](int steps) { chunk_.finished = rule->backward_steps(net, grad_out_, steps); },
        [&] { return chunk_.finished; });  // fills every param's grad when finished
    return chunk_;
}

Mat SupervisedRun::predict(const Mat& x, int pass) {
    (void)pass;
    return net.infer(x);
}

std::vector<std::string> SupervisedRun::batch_columns() {
    std::vector<std::string> columns;
    for (size_t l = 1; l <= net.linears().size(); ++l) {
        columns.push_back("w_norm_" + std::to_string(l));
        columns.push_back("grad_norm_" + std::to_string(l));
    }
    return columns;
}

std::vector<double> SupervisedRun::batch_values() {
    std::vector<double> row;
    for (Linear* layer : net.linears()) {
        row.push_back(layer->W.value.norm());
        row.push_back(layer->W.grad.norm());
    }
    return row;
}

void SupervisedRun::end_evaluation() {
    const Dataset& test = data->test;
    if (!test.is_classification()) return;
    test_predictions = argmax_columns(trainer.outputs("test"));
    confusion = confusion_matrix(test_predictions, test.labels, test.classes);
}

Vec SupervisedRun::predict(const Vec& x) { return loss->predict(net.infer(x)).col(0); }

Mat SupervisedRun::receptive_fields(int count) {
    const Mat& W = net.linears().front()->W.value;
    int n = std::min<int>(count, int(W.rows()));
    return W.topRows(n).transpose();
}

std::vector<int> SupervisedRun::misclassified(int count) const {
    std::vector<int> out;
    const std::vector<int>& predicted = test_predictions;
    for (size_t i = 0; i < predicted.size() && int(out.size()) < count; ++i)
        if (predicted[i] != data->test.labels[i]) out.push_back(int(i));
    return out;
}

void SupervisedRun::fit_curve(std::vector<double>& x, std::vector<double>& fit, std::vector<double>& truth) {
    const int n = 200;
    double lo = data->test.x.minCoeff(), hi = data->test.x.maxCoeff();
    Mat grid = RowVec::LinSpaced(n, lo - 0.5, hi + 0.5);
    Mat out = net.infer(grid);
    x.assign(grid.data(), grid.data() + n);
    fit.assign(out.data(), out.data() + n);
    truth.resize(size_t(n));
    for (int i = 0; i < n; ++i) truth[size_t(i)] = pl::pow(x[size_t(i)], 3);  // y = x^3
}

Mat SupervisedRun::decision_map(int resolution, double& lo, double& hi) {
    lo = std::min(data->train.x.minCoeff(), data->test.x.minCoeff());
    hi = std::max(data->train.x.maxCoeff(), data->test.x.maxCoeff());
    Mat grid(2, resolution * resolution);
    Vec axis = Vec::LinSpaced(resolution, lo, hi);
    for (int r = 0; r < resolution; ++r)
        for (int c = 0; c < resolution; ++c)
            grid.col(r * resolution + c) << axis(c), axis(resolution - 1 - r);
    Mat p = loss->predict(net.infer(grid));
    return p.row(1).transpose();  // (resolution^2) x 1, row-major image, top row = high y
}

}  // namespace pl
