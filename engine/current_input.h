// The currents the neurons lab injects: step, ramp, sine, pulse train, Ornstein-Uhlenbeck noise, or Poisson
// synaptic input through an exponential synapse; one value per neuron per step, in the model's current unit.
#pragma once
#include <Eigen/Core>
#include <optional>
#include <string>
#include "engine/poisson_counts.h"
#include "engine/rng.h"
#include "engine/table.h"

namespace pl {

// Every waveform is baseline + its shape between onset and offset (baseline only outside), in the model's
// unit.
struct CurrentSettings {
    std::string input = "step";  // a name of current_input_table()
    double baseline = 0;         // the current outside the stimulus and under it
    double onset_ms = 0;         // the stimulus starts
    double offset_ms = 1e9;      // the stimulus ends (step, ramp, sine, pulses; noise and Poisson too)
    double frequency_hz = 10;    // sine, pulses
    double pulse_ms = 5;         // pulses: the width of each pulse
    double sigma = 0;            // noise: the standard deviation of the Ornstein-Uhlenbeck current
    double tau_ms = 5;           // noise: its correlation time; poisson: the synapse's decay time
    double rate_hz = 1000;       // poisson: the total rate of the input spikes
};

// The running input of N neurons; neuron i's amplitude is amplitude(i) (an f-I sweep gives each its own):
//   step:    I = A
//   ramp:    I = A (t - onset) / (offset - onset)  (from 0 to A; with an open offset, A per second)
//   sine:    I = A sin(2 pi f (t - onset))
//   pulses:  I = A during the first pulse_ms of every period 1/f
//   noise:   dI = (A - I) dt/tau + sigma sqrt(2/tau) dW  (exact update; mean A, sd sigma)
//   poisson: dI/dt = -I/tau + A sum_k delta(t - t_k)    (input spikes at rate_hz; A is the jump per spike)
// One waveform: writes `current` (N values) over the step [t_ms, t_ms + dt_ms), `state` its running state.
struct WaveformStep {
    const CurrentSettings& settings;
    const Eigen::ArrayXd& amplitude;
    double t_ms, dt_ms;
    Rng& rng;
    Eigen::ArrayXd& state;
    std::optional<PoissonCounts>& poisson;  // poisson: the counts per step, built for the step's mean
};
using Waveform = void (*)(const WaveformStep& at, Eigen::ArrayXd& current);

class CurrentInput {
public:
    CurrentInput(const CurrentSettings& settings, Eigen::ArrayXd amplitude, Rng rng);
    // The current over the step [t_ms, t_ms + dt_ms), one value per neuron; call with increasing t.
    const Eigen::ArrayXd& at(double t_ms, double dt_ms);

    const CurrentSettings settings;
    const Eigen::ArrayXd amplitude;

private:
    Waveform waveform_;
    Rng rng_;
    std::optional<PoissonCounts> poisson_;
    Eigen::ArrayXd state_;    // noise: the OU current; poisson: the synaptic current
    Eigen::ArrayXd current_;  // the last value returned
};

const Table<Waveform>& current_input_table();  // step, ramp, sine, pulses, noise, poisson

}  // namespace pl
