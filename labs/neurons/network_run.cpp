#include "labs/neurons/network_run.h"
#include <algorithm>
#include <chrono>
#include <cmath>

namespace pl {

NetworkRun::NetworkRun(std::unique_ptr<SpikingNetwork> n, double duration_ms, uint64_t seed)
    : net(std::move(n)), duration_ms_(duration_ms), steps_(int(std::lround(duration_ms / net->dt_ms()))) {
    net->reset(seed);
}

void NetworkRun::advance(int steps) {
    const auto start = std::chrono::steady_clock::now();
    const int steps_per_bin = std::max(1, int(std::lround(kBinMs / net->dt_ms())));
    const int statistics_step =
        duration_ms_ > 2 * kTransientMs ? int(std::lround(kTransientMs / net->dt_ms())) : 0;
    for (const int end = std::min(steps_, step_ + steps); step_ < end; ++step_) {
        if (step_ == statistics_step) net->clear_statistics();
        net->step();
        const double t_ms = net->t_ms();
        for (int i : net->fired()) {
            const bool excitatory = i < net->n_exc();
            (excitatory ? bin_e_ : bin_i_)++;
            const int row = excitatory ? i : kShownExc + (i - net->n_exc());
            if ((excitatory && i < kShownExc) || (!excitatory && row < kShownExc + kShownInh))
                raster_t_ms.push_back(t_ms), raster_row.push_back(row);
        }
        if ((step_ + 1) % steps_per_bin == 0) end_bin();
    }
    // forget the raster's spikes older than kRasterMs
    const auto keep = std::lower_bound(raster_t_ms.begin(), raster_t_ms.end(), net->t_ms() - kRasterMs);
    raster_row.erase(raster_row.begin(), raster_row.begin() + (keep - raster_t_ms.begin()));
    raster_t_ms.erase(raster_t_ms.begin(), keep);
    wall_s_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// rate = spikes / (neurons * bin)
void NetworkRun::end_bin() {
    bin_t_ms.push_back(net->t_ms());
    rate_e_hz.push_back(bin_e_ / (std::max(1, net->n_exc()) * kBinMs / 1000));
    rate_i_hz.push_back(bin_i_ / (std::max(1, net->n_inh()) * kBinMs / 1000));
    bin_e_ = bin_i_ = 0;
}

double NetworkRun::sim_speed() const { return wall_s_ > 0 ? net->t_ms() / 1000 / wall_s_ : std::nan(""); }

}  // namespace pl
