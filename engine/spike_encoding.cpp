#include "engine/spike_encoding.h"
#include <cmath>
#include <limits>
#include "engine/math.h"

namespace pl {

namespace {

SpikeTrain latency_code(const Mat& x, int steps, double dt_ms, Rng&) {
    LatencyCode code;  // tau_eff 20 ms, theta 0.2
    code.dt_ms = dt_ms;
    code.steps = steps;
    return latency_encode(x, code);
}

SpikeTrain poisson_100hz(const Mat& x, int steps, double dt_ms, Rng& rng) {
    return poisson_encode(x, 100, dt_ms, steps, rng);  // x = 1: 100 Hz
}

}  // namespace

double latency_ms(double x, const LatencyCode& code) {
    if (x <= code.theta) return std::numeric_limits<double>::infinity();
    return code.tau_eff_ms * pl::log(x / (x - code.theta));  // t = tau_eff ln(x / (x - theta))
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

Mat to_dense(const SpikeTrain& train, int inputs, int batch) {
    Mat dense = Mat::Zero(inputs, Eigen::Index(train.size()) * batch);
    for (size_t t = 0; t < train.size(); ++t)
        for (const SpikeEvent& e : train[t]) dense(e.input, Eigen::Index(t) * batch + e.sample) = 1;
    return dense;
}

const Table<SpikeEncoder>& encoding_table() {
    static const Table<SpikeEncoder> table(
        "encoding",
        {
            {"latency", "pixel -> one spike at t = tau_eff ln(x/(x-theta)), tau_eff 20 ms, theta 0.2",
             latency_code},
            {"poisson", "pixel -> Poisson spikes at x * 100 Hz", poisson_100hz},
        });
    return table;
}

}  // namespace pl
