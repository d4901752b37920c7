#include "engine/spike_encoding.h"
#include <cmath>
#include <limits>

namespace pl {

double latency_ms(double x, const LatencyCode& code) {
    if (x <= code.theta) return std::numeric_limits<double>::infinity();
    return code.tau_eff_ms * std::log(x / (x - code.theta));  // t = tau_eff ln(x / (x - theta))
}

SpikeTrain latency_encode(const Mat& x, const LatencyCode& code) {
    SpikeTrain train(code.steps);
    for (int b = 0; b < x.cols(); ++b) {
        for (int i = 0; i < x.rows(); ++i) {
            const double t = latency_ms(x(i, b), code);
            if (!std::isfinite(t)) continue;
            const double step = std::round(t / code.dt_ms);
            if (step < code.steps) train[int(step)].push_back({i, b});
        }
    }
    return train;
}

SpikeTrain poisson_encode(const Mat& x, double max_rate_hz, double dt_ms, int steps, Rng& rng) {
    const Mat p = x * (max_rate_hz * dt_ms / 1000.0);  // spike probability per step
    SpikeTrain train(steps);
    for (int t = 0; t < steps; ++t)
        for (int b = 0; b < x.cols(); ++b)
            for (int i = 0; i < x.rows(); ++i)
                if (rng.uniform() < p(i, b)) train[t].push_back({i, b});
    return train;
}

std::vector<Mat> to_dense(const SpikeTrain& train, int inputs, int batch) {
    std::vector<Mat> dense(train.size(), Mat::Zero(inputs, batch));
    for (size_t t = 0; t < train.size(); ++t)
        for (const SpikeEvent& e : train[t]) dense[t](e.input, e.sample) = 1;
    return dense;
}

}  // namespace pl
