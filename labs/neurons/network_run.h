// A balanced network (CUBA, Brunel) run for `duration` in slices: the recent spikes of a sample of neurons
// for the raster, the population rates per millisecond, and statistics measured after the transient.
#pragma once
#include <memory>
#include <vector>
#include "engine/spiking_network.h"

namespace pl {

class NetworkRun {
public:
    static constexpr double kTransientMs = 200;  // statistics start here (or at 0 for shorter runs)
    static constexpr double kRasterMs = 500;     // the raster keeps this much of the recent past
    static constexpr double kBinMs = 1;          // population rate bins
    static constexpr int kShownExc = 400, kShownInh = 100;  // the raster's sample: the first of each kind

    NetworkRun(std::unique_ptr<SpikingNetwork> net, double duration_ms, uint64_t seed);
    void advance(int steps);  // up to `steps` more steps (fewer at the end)
    bool done() const { return step_ >= steps_; }
    int steps_done() const { return step_; }
    double progress() const { return steps_ > 0 ? double(step_) / steps_ : 1; }
    double sim_speed() const;  // simulated seconds per wall-clock second spent stepping

    std::unique_ptr<SpikingNetwork> net;
    // The raster's sample: row r < kShownExc is excitatory neuron r, row kShownExc + j inhibitory neuron j.
    std::vector<double> raster_t_ms;
    std::vector<int> raster_row;
    std::vector<double> bin_t_ms, rate_e_hz, rate_i_hz;  // population rates per kBinMs bin

private:
    void end_bin();
    double duration_ms_;
    int step_ = 0, steps_ = 0;
    int bin_e_ = 0, bin_i_ = 0;  // spikes in the current bin
    double wall_s_ = 0;
};

}  // namespace pl
