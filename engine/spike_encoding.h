// Pixel intensities (inputs x batch, values 0..1) -> input spike trains, as sparse events per time step.
// SpikeTrain[t] lists the (input, sample) pairs that spike at step t, ordered by sample then input.
#pragma once
#include <vector>
#include "engine/rng.h"
#include "engine/tensor.h"

namespace pl {

struct SpikeEvent {
    int input;   // row of the input matrix (pixel index)
    int sample;  // column (sample in the batch)
};
using SpikeTrain = std::vector<std::vector<SpikeEvent>>;  // one list of events per time step

struct LatencyCode {
    double tau_eff_ms = 20;  // effective membrane time constant (ms)
    double theta = 0.2;      // intensity threshold: x <= theta never spikes
    double dt_ms = 1;        // step (ms)
    int steps = 100;
};

// First-spike time t = tau_eff ln(x / (x - theta)) for x > theta, at step round(t / dt) if < steps.
// Each input spikes at most once. (SpyTorch current2firing_time, dt = 1 ms, 100 steps.)
double latency_ms(double x, const LatencyCode& code);  // +infinity when x <= theta
SpikeTrain latency_encode(const Mat& x, const LatencyCode& code);

// Poisson rate code: each step an input spikes with probability p = x * max_rate_hz * dt_ms / 1000.
// Draws one uniform per (step, sample, input), in that loop order.
SpikeTrain poisson_encode(const Mat& x, double max_rate_hz, double dt_ms, int steps, Rng& rng);

// Dense form: out[t] is inputs x batch with 1 where an event occurs (memory inputs * batch * steps).
std::vector<Mat> to_dense(const SpikeTrain& train, int inputs, int batch);

}  // namespace pl
