// Pixel intensities (inputs x batch, values 0..1) -> input spike trains, as sparse events per time step.
// SpikeTrain[t] lists the (input, sample) pairs that spike at step t, ordered by sample then input.
#pragma once
#include <vector>
#include "engine/rng.h"
#include "engine/table.h"
#include "engine/tensor.h"

namespace pl {

constexpr double kStepMs = 1;  // dt (ms): one step of a spike train and of the neurons that read it

struct SpikeEvent {
    int input;   // row of the input matrix (pixel index)
    int sample;  // column (sample in the batch)
};
using SpikeTrain = std::vector<std::vector<SpikeEvent>>;  // one list of events per time step

struct LatencyCode {
    double tau_eff_ms = 20;  // effective membrane time constant (ms)
    double theta = 0.2;      // intensity threshold: x <= theta never spikes
    double dt_ms = kStepMs;  // step (ms)
    int steps = 100;
};

// First-spike time t = tau_eff ln(x / (x - theta)) for x > theta, at step round(t / dt) if < steps.
// Each input spikes at most once. (SpyTorch current2firing_time, dt = 1 ms, 100 steps.)
double latency_ms(double x, const LatencyCode& code);  // +infinity when x <= theta
SpikeTrain latency_encode(const Mat& x, const LatencyCode& code);

// Poisson rate code: each step an input spikes with probability p = x * max_rate_hz * dt_ms / 1000.
// Draws one uniform per (step, sample, input), in that loop order.
SpikeTrain poisson_encode(const Mat& x, double max_rate_hz, double dt_ms, int steps, Rng& rng);

// Dense form: inputs x (steps * batch), step t in columns [t * batch, (t + 1) * batch), 1 where an event
// occurs: the layout of a spiking layer's recorded spikes (engine/spiking_layer.h).
Mat to_dense(const SpikeTrain& train, int inputs, int batch);

// An encoder as the labs choose it: x (0..1) -> `steps` steps of dt_ms; rng draws random spikes only.
using SpikeEncoder = SpikeTrain (*)(const Mat& x, int steps, double dt_ms, Rng& rng);
const Table<SpikeEncoder>& encoding_table();  // "latency" (SpyTorch's code), "poisson" (x * 100 Hz)

}  // namespace pl
