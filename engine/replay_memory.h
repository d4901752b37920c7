// Experience replay: a memory of `per_class` stored training samples of each class of every finished context,
// and the per-sample loss weights that mix a batch with its replayed samples (van de Ven: 1/t and 1 - 1/t).
#pragma once
#include "engine/dataset.h"
#include "engine/rng.h"

namespace pl {

class ReplayMemory {
public:
    // Keeps `per_class` samples (fewer if it has fewer) of each class of a finished context, chosen by `rng`;
    // a sample's class is its target unit mod `classes` (classes per context).
    void add(const Dataset& context, int per_class, int classes, Rng& rng);
    // `n` stored samples drawn uniformly (with replacement) by `rng`.
    void draw(int n, Rng& rng, Mat& x, Mat& y) const;
    bool empty() const { return stored_.size() == 0; }
    const Dataset& samples() const { return stored_; }  // one sample per column, in the order kept

private:
    Dataset stored_;
};

// The loss weights of a batch of `current` samples of the context in training followed by `replayed` ones,
// with `contexts_so_far` = t contexts trained so far (this one included):
// L = (1/t) mean_current(l) + (1 - 1/t) mean_replayed(l), so w = 1/(t current) then (1 - 1/t)/replayed.
Vec replay_mixing_weights(int current, int replayed, int contexts_so_far);

}  // namespace pl
