#include "engine/poisson_counts.h"
#include <cmath>
#include "engine/math.h"

namespace pl {

PoissonCounts::PoissonCounts(double mean) : mean_(mean) {
    const double two_32 = 4294967296.0;
    double p = pl::exp(-mean), cdf = p;  // P(0)
    for (int k = 1; cdf * two_32 < two_32 - 1 && k < 1000; ++k) {
        cdf_.push_back(uint64_t(cdf * two_32));
        p *= mean / k;  // P(k) = P(k - 1) mean / k
        cdf += p;
    }
    start_.resize(65536);
    for (uint32_t b = 0; b < 65536; ++b) start_[b] = uint8_t(count_from(0, b << 16));
}

int PoissonCounts::count_from(int k, uint32_t bits) const {
    while (k < int(cdf_.size()) && bits >= cdf_[size_t(k)]) ++k;
    return k;
}

int PoissonCounts::count(uint32_t bits) const { return count_from(start_[bits >> 16], bits); }

void PoissonCounts::fill(Rng& rng, Eigen::ArrayXf& counts) const {
    const Eigen::Index n = counts.size();
    for (Eigen::Index i = 0; i + 1 < n; i += 2) {
        const uint64_t bits = rng.next();
        counts(i) = float(count(uint32_t(bits)));
        counts(i + 1) = float(count(uint32_t(bits >> 32)));
    }
    if (n % 2 == 1) counts(n - 1) = float(count(uint32_t(rng.next() >> 32)));
}

}  // namespace pl
