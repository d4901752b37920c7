// The neurons lab's spiking networks at their defaults, one thread: simulated seconds per wall-clock second
// (sim_speed) of the CUBA benchmark (4000 LIF) and of the scaled Brunel network in each of its regimes, with
// each run's mean E rate, mean ISI CV and population synchrony (Fano factor of the count per 0.1 ms step, and
// the count correlation it implies). Usage: pl_bench_neurons [simulated seconds, default 2]. Prints one JSON
// line per network.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include "engine/brunel_network.h"
#include "engine/cuba_network.h"

using namespace pl;

// Runs `net` for a 200 ms transient, then `seconds` timed, and prints its figures.
static void measure(const std::string& name, SpikingNetwork& net, double seconds) {
    const double transient_ms = 200, bin_ms = 0.1;
    net.reset(1);
    while (net.t_ms() < transient_ms - 1e-9) net.step();
    net.clear_statistics();
    const int steps_per_bin = int(bin_ms / net.dt_ms() + 0.5);
    std::vector<double> count_per_bin;
    const auto start = std::chrono::steady_clock::now();
    const long steps = std::lround(seconds * 1000 / net.dt_ms());
    for (long k = 0; k < steps; ++k) {
        if (k % steps_per_bin == 0) count_per_bin.push_back(0);
        net.step();
        count_per_bin.back() += double(net.fired().size());
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf(
        "bench_neurons: %s: %.1f simulated s per wall s; E %.2f Hz, I %.2f Hz, ISI CV %.2f, Fano %.2f, "
        "synchrony %.4f\n",
        name.c_str(), seconds / wall, mean_rate_hz(net, 0, net.n_exc()),
        mean_rate_hz(net, net.n_exc(), net.n_inh()), mean_isi_cv(net, 0, net.n_exc()),
        fano_factor(count_per_bin), synchrony(count_per_bin, net.size()));
    std::printf("{\"bench\":\"neurons_%s\",\"sim_speed\":%.2f}\n", name.c_str(), seconds / wall);
}

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    CubaNetwork cuba{CubaSettings{}};
    measure("cuba", cuba, seconds);
    for (const TableEntry<BrunelRegime>& regime : brunel_regime_table().entries()) {
        BrunelSettings settings;
        settings.g = regime.value.g;
        settings.ratio = regime.value.ratio;
        BrunelNetwork brunel(settings);
        measure("brunel_" + regime.name, brunel, seconds);
    }
    return 0;
}
