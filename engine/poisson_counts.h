// Poisson counts of small mean (a network's external drive: one per neuron per step) by inverse transform on
// 32 random bits, two counts per 64-bit draw; a table on the top 16 bits gives the search's start.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>
#include "engine/rng.h"

namespace pl {

class PoissonCounts {
public:
    explicit PoissonCounts(double mean);  // P(k) = mean^k e^{-mean} / k!, up to where the tail is below 2^-32
    int count(uint32_t bits) const;       // the k with cdf(k - 1) <= bits / 2^32 < cdf(k)
    void fill(Rng& rng, Eigen::ArrayXf& counts) const;  // every entry a fresh count
    double mean() const { return mean_; }

private:
    int count_from(int k, uint32_t bits) const;  // the count, searching up from k
    double mean_;
    std::vector<uint64_t> cdf_;   // cdf_[k] = floor(P(K <= k) 2^32)
    std::vector<uint8_t> start_;  // start_[b]: the count at bits = b 2^16, so count() mostly does one test
};

}  // namespace pl
