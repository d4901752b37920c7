#include "labs/continual/continual_run.h"
#include <algorithm>
#include "engine/random_streams.h"
#include "engine/weighted_cross_entropy.h"

namespace pl {

namespace {
constexpr int kEvalChunk = 100;  // evaluated samples per step (48 M multiply-adds in the 400-400 net)
}  // namespace

void ContinualRun::start(const ContinualSettings& s, std::shared_ptr<const ContinualBenchmark> data) {
    settings = s;
    benchmark = std::move(data);
    const int T = contexts();
    std::vector<int> sizes = {int(benchmark->contexts[0].train.x.rows())};
    sizes.insert(sizes.end(), s.hidden.begin(), s.hidden.end());
    sizes.push_back(layout().outputs());
    Rng init_rng = random_stream(uint64_t(s.seed), Stream::Init);
    net = Mlp(sizes, ActivationKind::ReLU, init_rng);
    method = method_table().find(s.method).value(s);
    optimizer = make_optimizer("adam", s.lr);
    optimizer->allocate(params());
    replay_rng = random_stream(uint64_t(s.seed), Stream::Replay);
    context = 0, contexts_done = 0, last_penalty_ = 0, union_contexts_ = 0;
    R = Mat::Zero(T, T);
    batch_weights.resize(0);

    TrainerSetup setup;
    phase_data_.clear();
    phase_data_.reserve(size_t(T));  // the phases point into it
    for (int t = 0; t < T; ++t) {
        const Dataset& own = benchmark->contexts[size_t(t)].train;
        int samples = own.size();
        if (method->trains_on_all_seen())
            for (int u = 0; u < t; ++u) samples += benchmark->contexts[size_t(u)].train.size();
        Dataset placeholder;  // no pixels yet, only its size (the trainer's progress counts samples)
        placeholder.x = Mat(0, samples);
        phase_data_.push_back(method->trains_on_all_seen() ? placeholder : Dataset());
        setup.phases.push_back({"context " + std::to_string(t + 1),
                                method->trains_on_all_seen() ? &phase_data_[size_t(t)] : &own, s.epochs});
    }
    setup.columns = {"train_loss", "train_acc"};
    for (int t = 0; t < T; ++t) {
        const std::string name = "c" + std::to_string(t + 1);
        setup.eval_sets.push_back({name, &benchmark->contexts[size_t(t)].test});
        setup.columns.push_back("acc_" + name);
    }
    setup.columns.insert(setup.columns.end(), {"acc_avg", "epoch_s"});
    setup.batch = s.batch, setup.log_every = 10, setup.seed = uint64_t(s.seed);
    setup.advice = "lower the learning rate (lr, now " + std::to_string(s.lr) + ") or the penalty's strength";

    trainer.hooks.transform_batch = [this](Mat& x, Mat& y) {
        batch_weights.resize(0);
        method->transform_batch(*this, x, y);
    };
    trainer.hooks.extra_loss = [this] { return last_penalty_ = method->penalty(*this); };
    trainer.hooks.after_update = [this] { method->after_update(*this); };
    trainer.hooks.end_epoch = [this] {
        std::vector<double> row = context_accuracies();
        double seen = 0;
        for (int t = 0; t <= context; ++t) seen += row[size_t(t)];
        row.push_back(seen / (context + 1));
        return row;
    };
    trainer.hooks.end_phase = [this](int t) {  // context t's boundary work, then context t + 1's set
        if (union_contexts_ == 0 && !end_context(t)) return false;
        return t + 1 == contexts() || begin_context(t + 1);
    };
    while (!begin_context(0)) {
    }
    trainer.start(*this, setup);
}

bool ContinualRun::begin_context(int t) {
    context = t;
    if (method->trains_on_all_seen()) {  // the union of the contexts seen: one context copied per call
        Dataset& seen = phase_data_[size_t(t)];
        const Dataset& first = benchmark->contexts[0].train;
        if (union_contexts_ == 0) {
            const Eigen::Index samples = seen.x.cols();  // the placeholder's size
            seen = Dataset();
            seen.x.resize(first.x.rows(), samples), seen.y.resize(first.y.rows(), samples);
            seen.classes = first.classes, seen.width = first.width, seen.height = first.height;
        }
        Eigen::Index at = 0;  // the columns of the contexts already copied
        for (int u = 0; u < union_contexts_; ++u) at += benchmark->contexts[size_t(u)].train.size();
        const Dataset& own = benchmark->contexts[size_t(union_contexts_)].train;
        seen.x.middleCols(at, own.size()) = own.x;
        seen.y.middleCols(at, own.size()) = own.y;
        seen.labels.insert(seen.labels.end(), own.labels.begin(), own.labels.end());
        if (++union_contexts_ <= t) return false;
        union_contexts_ = 0;
        if (t > 0) phase_data_[size_t(t - 1)] = Dataset();  // its phase is over
    }
    method->begin_context(*this);
    return true;
}

bool ContinualRun::end_context(int t) {
    if (contexts_done == t) {  // the boundary's first slice: row t of R
        const std::vector<double> accuracies = context_accuracies();
        for (int j = 0; j < contexts(); ++j) R(t, j) = accuracies[size_t(j)];
        contexts_done = t + 1;
    }
    return method->end_context(*this);
}

int ContinualRun::eval_chunk_size() const { return kEvalChunk; }

std::vector<double> ContinualRun::batch_values() { return {last_penalty_}; }

Mat ContinualRun::mask_of(const Mat& y) const {
    std::vector<int> units;
    for (Eigen::Index n = 0, unit = 0; n < y.cols(); ++n)
        y.col(n).maxCoeff(&unit), units.push_back(int(unit));
    return layout().mask(units, context);
}

ChunkResult ContinualRun::train_chunk(const Mat& x, const Mat& y) {
    if (!method->train_on_batch(*this, x)) return {Mat(), 0, false};  // goes on at the next step
    const Mat z = masked_logits(method->forward(*this, x), mask_of(y));
    const Vec w = batch_weights.size() == x.cols() ? batch_weights : Vec::Constant(x.cols(), 1.0 / x.cols());
    method->backward(*this, weighted_cross_entropy_grad(z, y, w));
    return {z, weighted_cross_entropy(z, y, w)};
}

std::vector<double> ContinualRun::context_accuracies() const {
    std::vector<double> out;
    for (int t = 0; t < contexts(); ++t) {
        const Dataset& test = benchmark->contexts[size_t(t)].test;
        const Mat& logits = trainer.outputs("c" + std::to_string(t + 1));
        out.push_back(logits.cols() == 0 ? 0 : masked_accuracy(logits, test.labels, layout(), context));
    }
    return out;
}

}  // namespace pl
