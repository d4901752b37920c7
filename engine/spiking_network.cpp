#include "engine/spiking_network.h"
#include <algorithm>
#include <cmath>
#include <limits>

namespace pl {

SpikingNetwork::SpikingNetwork(int n_exc, int n_inh, double dt_ms, double threshold_mV, double reset_mV)
    : n_exc_(n_exc), n_inh_(n_inh), dt_ms_(dt_ms), threshold_mV_(threshold_mV), reset_mV_(reset_mV) {}

void SpikingNetwork::reset(uint64_t seed) {
    rebuild(seed);
    steps_ = 0;
    fired_.clear();
    last_spike_ms_ = Eigen::ArrayXd::Constant(size(), std::numeric_limits<double>::quiet_NaN());
    clear_statistics();
}

void SpikingNetwork::step() {
    fired_.clear();
    advance(steps_, fired_);
    ++steps_;
    const double t = t_ms();  // spikes are stamped at the end of their step
    for (int i : fired_) {
        if (last_spike_ms_(i) >= statistics_start_ms_) {  // false for NaN: no earlier spike in the window
            const double isi = t - last_spike_ms_(i);
            ++isi_count_(i);
            isi_sum_ms_(i) += isi;
            isi_sum_sq_ms2_(i) += isi * isi;
        }
        ++spike_count_(i);
        last_spike_ms_(i) = t;
    }
}

void SpikingNetwork::clear_statistics() {
    statistics_start_ms_ = t_ms();
    spike_count_ = Eigen::ArrayXi::Zero(size());
    isi_count_ = Eigen::ArrayXi::Zero(size());
    isi_sum_ms_ = Eigen::ArrayXd::Zero(size());
    isi_sum_sq_ms2_ = Eigen::ArrayXd::Zero(size());
}

Eigen::ArrayXd SpikingNetwork::rate_hz() const {
    const double seconds = (t_ms() - statistics_start_ms_) / 1000.0;
    return spike_count_.cast<double>() / (seconds > 0 ? seconds : std::numeric_limits<double>::quiet_NaN());
}

Eigen::ArrayXd SpikingNetwork::isi_cv() const {
    // CV = sqrt(E[isi^2] - E[isi]^2) / E[isi]
    const Eigen::ArrayXd n = isi_count_.cast<double>();
    const Eigen::ArrayXd mean = isi_sum_ms_ / n;
    const Eigen::ArrayXd variance = (isi_sum_sq_ms2_ / n - mean.square()).max(0.0);
    return (isi_count_ >= 2).select(variance.sqrt() / mean, std::numeric_limits<double>::quiet_NaN());
}

void append_above(const Eigen::ArrayXf& v, float threshold, std::vector<int>& out) {
    const Eigen::Index block = 64;
    for (Eigen::Index first = 0; first < v.size(); first += block) {
        const Eigen::Index n = std::min(block, v.size() - first);
        if ((v.segment(first, n) > threshold).count() == 0) continue;
        for (Eigen::Index i = first; i < first + n; ++i)
            if (v(i) > threshold) out.push_back(int(i));
    }
}

double mean_rate_hz(const SpikingNetwork& net, int first, int count) {
    return net.rate_hz().segment(first, count).mean();
}

double mean_isi_cv(const SpikingNetwork& net, int first, int count) {
    const Eigen::ArrayXd cv = net.isi_cv().segment(first, count);
    const Eigen::ArrayXd known = cv.isNaN().select(0.0, cv);
    const double n = double((!cv.isNaN()).count());
    return n > 0 ? known.sum() / n : std::numeric_limits<double>::quiet_NaN();
}

static Eigen::ArrayXd as_array(const std::vector<double>& values) {
    return Eigen::Map<const Eigen::ArrayXd>(values.data(), Eigen::Index(values.size()));
}

double fano_factor(const std::vector<double>& count_per_bin) {
    const Eigen::ArrayXd c = as_array(count_per_bin);
    return (c - c.mean()).square().mean() / c.mean();  // var / mean
}

double synchrony(const std::vector<double>& count_per_bin, int n) {
    return (fano_factor(count_per_bin) - 1) / (n - 1);  // var(sum) = n var_1 (1 + (n - 1) rho)
}

}  // namespace pl
