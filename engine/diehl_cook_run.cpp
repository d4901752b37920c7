#include "engine/diehl_cook_run.h"
#include <numeric>
#include "engine/random_streams.h"

namespace pl {

namespace {
int first_n(int n, int size) { return n < 0 ? size : std::min(n, size); }

// The samples' indices dealt class by class (0, 1, ..., 9, 0, 1, ...), each class in its own order: any
// first n of them hold every class about equally (the data files are sorted by class).
std::vector<int> class_interleaved(const Dataset& set) {
    std::vector<std::vector<int>> by_class(size_t(set.classes));
    for (int i = 0; i < set.size(); ++i) by_class[size_t(set.labels[size_t(i)])].push_back(i);
    std::vector<int> order;
    for (size_t k = 0; order.size() < size_t(set.size()); ++k)
        for (const std::vector<int>& members : by_class)
            if (k < members.size()) order.push_back(members[k]);
    return order;
}
}  // namespace

DiehlCookRun::DiehlCookRun(const DiehlCookParams& params, const DiehlCookRunConfig& config, uint64_t seed,
                           std::shared_ptr<const Split> data)
    : config_(config),
      data_(std::move(data)),
      net_(params, seed),
      order_rng_(random_stream(seed, Stream::DataOrder)),
      test_order_(class_interleaved(data_->test)),
      responses_(data_->train.classes, params.neurons),
      confusion_(Eigen::ArrayXXi::Zero(data_->train.classes, data_->train.classes)) {
    begin_pass();
}

void DiehlCookRun::begin_pass() {
    order_.resize(size_t(data_->train.size()));
    std::iota(order_.begin(), order_.end(), 0);
    order_rng_.shuffle(order_);
    responses_.clear();
    position_ = 0;
}

int DiehlCookRun::phase_length() const {
    switch (phase_) {
        case DiehlCookPhase::Train:
        case DiehlCookPhase::Label:
            return first_n(config_.train_digits, data_->train.size());
        case DiehlCookPhase::Test:
            return first_n(config_.test_digits, data_->test.size());
        case DiehlCookPhase::Done:
            return 0;
    }
    return 0;
}

bool DiehlCookRun::step() {
    if (phase_ == DiehlCookPhase::Done) return false;
    const bool testing = phase_ == DiehlCookPhase::Test;
    const Dataset& set = testing ? data_->test : data_->train;
    const int digit = testing ? test_order_[size_t(position_)] : order_[size_t(position_)];
    const Eigen::ArrayXi& counts =
        net_.present(set.x.col(digit).cast<double>(), phase_ == DiehlCookPhase::Train);
    if (testing)
        confusion_(set.labels[size_t(digit)], classify(counts, assignments_, set.classes)) += 1;
    else if (config_.label_last < 0 || position_ >= phase_length() - config_.label_last)
        responses_.add(counts, set.labels[size_t(digit)]);
    if (++position_ < phase_length()) return true;

    if (phase_ == DiehlCookPhase::Train && ++pass_ < config_.passes) {
        begin_pass();
    } else if (phase_ == DiehlCookPhase::Train && config_.label_pass) {
        phase_ = DiehlCookPhase::Label;
        responses_.clear();
        position_ = 0;
    } else if (phase_ != DiehlCookPhase::Test) {
        assignments_ = responses_.assignments();
        phase_ = DiehlCookPhase::Test;
        position_ = 0;
    } else {
        phase_ = DiehlCookPhase::Done;
    }
    return phase_ != DiehlCookPhase::Done;
}

double DiehlCookRun::test_accuracy() const {
    const int tested = confusion_.sum();
    return tested == 0 ? 0 : double(confusion_.matrix().trace()) / tested;
}

}  // namespace pl
