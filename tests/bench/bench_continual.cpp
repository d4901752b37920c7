// Lab 6 (continual): seconds per context of every method on split MNIST at the lab's defaults (class-IL,
// 784-400-400-10, 4 epochs per context), and EWC's Fisher seconds per context (its boundary_seconds).
// Usage: pl_bench_continual DATA_FILE [method ...] (default: every method of the table). One JSON line each.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>
#include "labs/continual/continual_lab.h"
#include "labs/lab.h"

using namespace pl;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pl_bench_continual DATA_FILE [method ...]\n");
        return 2;
    }
    setenv("PLASTICITY_DATA", argv[1], 1);  // the lab loads the subset by its default path
    std::vector<std::string> methods(argv + 2, argv + argc);
    if (methods.empty()) methods = method_table().names();
    for (const std::string& method : methods) {
        ContinualLab lab;
        lab.params.set("method", method);
        lab.reset();
        if (!lab.error.empty()) {
            std::fprintf(stderr, "bench_continual: %s: %s\n", method.c_str(), lab.error.c_str());
            return 1;
        }
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        while (!lab.done()) lab.step();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double cpu_seconds = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;  // apart from the load
        if (!lab.error.empty()) {
            std::fprintf(stderr, "bench_continual: %s stopped: %s\n", method.c_str(), lab.error.c_str());
            return 1;
        }
        const int contexts = lab.run.contexts();
        const double boundary = lab.run.method->boundary_seconds / contexts;
        double acc_avg = 0;
        for (const auto& [name, value] : lab.final_metrics())
            if (name == "acc_avg") acc_avg = value;
        std::printf(
            "bench_continual: %-17s %6.2f s per context (CPU %.2f s; %d contexts, %.2f s at each "
            "boundary), acc_avg %.3f\n",
            method.c_str(), seconds / contexts, cpu_seconds / contexts, contexts, boundary, acc_avg);
        std::printf(
            "{\"bench\":\"continual_%s\",\"seconds_per_context\":%.3f,\"cpu_seconds_per_context\":%.3f,"
            "\"boundary_seconds\":%.4f}\n",
            method.c_str(), seconds / contexts, cpu_seconds / contexts, boundary);
    }
    return 0;
}
