#include "engine/current_input.h"
#include <cmath>
#include "engine/math.h"

namespace pl {

namespace {
constexpr double kPi = 3.14159265358979323846;

double since_onset(const WaveformStep& at) { return at.t_ms - at.settings.onset_ms; }

void step_waveform(const WaveformStep& at, Eigen::ArrayXd& current) { current = at.amplitude; }

// From 0 at the onset to A at the offset; with an open offset (>= 1e8 ms) A per second.
void ramp_waveform(const WaveformStep& at, Eigen::ArrayXd& current) {
    const double length_ms =
        at.settings.offset_ms >= 1e8 ? 1000 : at.settings.offset_ms - at.settings.onset_ms;
    current = at.amplitude * (since_onset(at) / length_ms);
}

void sine_waveform(const WaveformStep& at, Eigen::ArrayXd& current) {
    current = at.amplitude * pl::sin(2 * kPi * at.settings.frequency_hz * since_onset(at) / 1000);
}

void pulses_waveform(const WaveformStep& at, Eigen::ArrayXd& current) {
    const double period_ms = 1000 / at.settings.frequency_hz;
    const bool on = std::fmod(since_onset(at), period_ms) < at.settings.pulse_ms;
    current = on ? at.amplitude : Eigen::ArrayXd::Zero(at.amplitude.size());
}

// I <- A + (I - A) e^{-dt/tau} + sigma sqrt(1 - e^{-2 dt/tau}) xi  (the OU process's exact update)
void noise_waveform(const WaveformStep& at, Eigen::ArrayXd& current) {
    const double decay = pl::exp(-at.dt_ms / at.settings.tau_ms);
    const double kick = at.settings.sigma * std::sqrt(1 - decay * decay);
    for (Eigen::Index i = 0; i < at.state.size(); ++i)
        at.state(i) = at.amplitude(i) + (at.state(i) - at.amplitude(i)) * decay + kick * at.rng.normal();
    current = at.state;
}

// I <- I e^{-dt/tau} + A k, k ~ Poisson(rate dt): the synapse's current after this step's input spikes
void poisson_waveform(const WaveformStep& at, Eigen::ArrayXd& current) {
    const double decay = pl::exp(-at.dt_ms / at.settings.tau_ms);
    const double mean_spikes = at.settings.rate_hz * at.dt_ms / 1000;
    if (!at.poisson || at.poisson->mean() != mean_spikes) at.poisson.emplace(mean_spikes);
    for (Eigen::Index i = 0; i < at.state.size(); ++i)
        at.state(i) =
            at.state(i) * decay + at.amplitude(i) * at.poisson->count(uint32_t(at.rng.next() >> 32));
    current = at.state;
}
}  // namespace

const Table<Waveform>& current_input_table() {
    static const Table<Waveform> table(
        "input", {
                     {"step", "a constant current A from onset to offset", step_waveform},
                     {"ramp", "rising linearly from 0 at onset to A at offset", ramp_waveform},
                     {"sine", "A sin(2 pi f t), from onset", sine_waveform},
                     {"pulses", "pulses of height A and width pulse_width at frequency f", pulses_waveform},
                     {"noise", "Ornstein-Uhlenbeck current: mean A, sd sigma, correlation time tau_input",
                      noise_waveform},
                     {"poisson",
                      "Poisson input spikes at `rate` through an exponential synapse (jump A, decay "
                      "tau_input)",
                      poisson_waveform},
                 });
    return table;
}

CurrentInput::CurrentInput(const CurrentSettings& s, Eigen::ArrayXd a, Rng rng)
    : settings(s),
      amplitude(std::move(a)),
      waveform_(current_input_table().find(s.input).value),
      rng_(rng),
      state_(Eigen::ArrayXd::Zero(amplitude.size())),
      current_(Eigen::ArrayXd::Zero(amplitude.size())) {}

const Eigen::ArrayXd& CurrentInput::at(double t_ms, double dt_ms) {
    const bool on = t_ms >= settings.onset_ms && t_ms < settings.offset_ms;
    if (on) {
        waveform_({settings, amplitude, t_ms, dt_ms, rng_, state_, poisson_}, current_);
    } else {
        state_.setZero();  // noise and the synapse start from 0 at the next onset
        current_.setZero();
    }
    current_ += settings.baseline;
    return current_;
}

}  // namespace pl
