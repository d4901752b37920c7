// The plasticity lab's Diehl & Cook network through the lab (preset diehl-cook-100: 100 neurons, one pass
// over the 8,000 training digits, then the 2,000 test digits): wall seconds and digits per second of each
// phase. Usage: pl_bench_plasticity DATA_FILE [neurons, default 100]. One JSON line per phase.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include "labs/plasticity/plasticity_lab.h"

using namespace pl;

// The original Brian code's speed: about 30 min for the 10,000 MNIST test digits (400 neurons, weights
// frozen).
constexpr double kBrianTestDigitsPerSecond = 10000.0 / (30 * 60);

// Steps `lab` while its Diehl & Cook run is in `phase`; returns the wall seconds.
static double time_phase(PlasticityLab& lab, DiehlCookPhase phase) {
    const auto start = std::chrono::steady_clock::now();
    while (!lab.done() && lab.diehl_cook->phase() == phase) lab.step();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pl_bench_plasticity DATA_FILE [neurons]\n");
        return 2;
    }
    setenv("PLASTICITY_DATA", argv[1], 1);  // the lab loads the subset by its default path
    const std::string neurons = argc > 2 ? argv[2] : "100";
    PlasticityLab lab;
    for (const std::string& message : lab.params.set_all("preset=diehl-cook-100&neurons=" + neurons)) {
        std::fprintf(stderr, "bench_plasticity: %s\n", message.c_str());
        return 1;
    }
    lab.reset();
    if (!lab.error.empty()) {
        std::fprintf(stderr, "bench_plasticity: %s\n", lab.error.c_str());
        return 1;
    }
    const double train_s = time_phase(lab, DiehlCookPhase::Train);
    const double test_s = time_phase(lab, DiehlCookPhase::Test);
    if (!lab.error.empty() || !lab.done()) {
        std::fprintf(stderr, "bench_plasticity: stopped: %s\n", lab.error.c_str());
        return 1;
    }
    const double train_rate = lab.settings().train_digits / train_s;
    const double test_rate = lab.settings().test_digits / test_s;
    const double test_acc = lab.evaluation.last("test_acc");
    std::printf(
        "bench_plasticity: diehl-cook %s neurons: training pass %.1f s (%.0f digits/s, learning), test %.1f "
        "s "
        "(%.0f digits/s, frozen), test_acc %.3f; Brian's ~30 min per 10,000 test digits (400 neurons) is "
        "%.2f digits/s: training here %.0fx, testing %.0fx its rate\n",
        neurons.c_str(), train_s, train_rate, test_s, test_rate, test_acc, kBrianTestDigitsPerSecond,
        train_rate / kBrianTestDigitsPerSecond, test_rate / kBrianTestDigitsPerSecond);
    std::printf("{\"bench\":\"diehl_cook_train\",\"seconds\":%.2f,\"digits_per_s\":%.1f}\n", train_s,
                train_rate);
    std::printf("{\"bench\":\"diehl_cook_test\",\"seconds\":%.2f,\"digits_per_s\":%.1f}\n", test_s,
                test_rate);
    return 0;
}
