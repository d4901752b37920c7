#include "engine/replay_memory.h"
#include <algorithm>
#include <numeric>
#include "engine/continual_benchmark.h"

namespace pl {

void ReplayMemory::add(const Dataset& context, int per_class, int classes, Rng& rng) {
    std::vector<int> order(size_t(context.size()));
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);
    std::vector<int> kept, per(size_t(classes), 0);
    for (int n : order) {
        int& count = per[size_t(context.labels[size_t(n)] % classes)];
        if (count < per_class) kept.push_back(n), ++count;
    }
    const Dataset chosen = context.subset(kept);
    stored_ = empty() ? chosen : concatenated({&stored_, &chosen});
}

void ReplayMemory::draw(int n, Rng& rng, Mat& x, Mat& y) const {
    std::vector<int> idx(static_cast<size_t>(n));
    for (int& i : idx) i = rng.below(stored_.size());
    x = stored_.x(Eigen::all, idx);
    y = stored_.y(Eigen::all, idx);
}

Vec replay_mixing_weights(int current, int replayed, int contexts_so_far) {
    // EXERCISE continual.replay_mixing: Mixing the current and the replayed loss (1 point)
    // HINT: the batch's loss is (1/t) * (mean loss of the current samples) + (1 - 1/t) * (mean loss of the
    // HINT: replayed ones), with t = contexts_so_far; a weight per sample makes that sum: current first.
    // HINT: without replayed samples (replayed = 0) the current ones weigh 1/current each.
    const double t = contexts_so_far;
    Vec w(current + replayed);
    const double current_share = replayed > 0 ? 1 / t : 1;
    w.head(current).setConstant(current_share / current);
    w.tail(replayed).setConstant((1 - current_share) / std::max(replayed, 1));
    return w;
    // END EXERCISE
}

}  // namespace pl
