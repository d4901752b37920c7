#include "engine/spike_stats.h"
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>

namespace pl {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMinQuietMs = 20;  // a train counts as stopped only after at least this long without a spike
}  // namespace

std::vector<double> interspike_intervals(const std::vector<double>& spike_ms) {
    std::vector<double> isi;
    for (size_t k = 1; k < spike_ms.size(); ++k) isi.push_back(spike_ms[k] - spike_ms[k - 1]);
    return isi;
}

// CV = sd / mean (the population sd, as Brian and NEST's analyses use)
double coefficient_of_variation(const std::vector<double>& values) {
    if (values.size() < 2) return kNaN;
    const Eigen::Map<const Eigen::ArrayXd> x(values.data(), Eigen::Index(values.size()));
    const double mean = x.mean();
    return std::sqrt((x - mean).square().mean()) / mean;
}

SpikeSummary summarize_spikes(const std::vector<double>& spike_ms, double onset_ms, double end_ms) {
    SpikeSummary s;
    s.spike_count = int(spike_ms.size());
    s.first_spike_ms = spike_ms.empty() ? kNaN : spike_ms.front() - onset_ms;
    const std::vector<double> isi = interspike_intervals(spike_ms);
    s.cv_isi = coefficient_of_variation(isi);
    if (isi.empty()) return s;
    const double last_isi = isi.back();
    s.sustained = end_ms - spike_ms.back() <= std::max(2 * last_isi, kMinQuietMs);
    s.rate_hz = s.sustained ? 1000 / last_isi : 0;
    return s;
}

FiMarks fi_marks(const std::vector<double>& current, const std::vector<int>& spike_count,
                 const std::vector<double>& rate_hz) {
    FiMarks marks{kNaN, kNaN, kNaN};
    for (size_t k = 0; k < current.size(); ++k) {
        if (spike_count[k] > 0 && std::isnan(marks.rheobase)) marks.rheobase = current[k];
        if (rate_hz[k] > 0 && std::isnan(marks.repetitive_onset)) {
            marks.repetitive_onset = current[k];
            marks.rate_at_onset_hz = rate_hz[k];
        }
    }
    return marks;
}

}  // namespace pl
