// Training throughput of the engine in its Real (float32; pl_bench_mlp_double: the double instantiation) on
// seeded random inputs with random labels (no data file, so it also runs under node), softmax cross-entropy:
//   mlp       784-128-10 ReLU, SGD, batch 64 (the figure kept since the first bench)
//   mlp_lab1  784-256-10 ReLU, Adam, batch 64 (Lab 1's shape; tests/bench/bench_mlp_torch.py runs the same)
// Each trains whole epochs for about 3 s and prints samples/s, the GFLOP/s of the products it computes and
// their fraction of the core's peak: 2 FMA pipes x 2 flops x SIMD lanes of this build x clock
// (/proc/cpuinfo).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <string>
#include "engine/dataset.h"
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"

using namespace pl;

namespace {

constexpr double kBudgetS = 3.0;  // wall seconds per configuration

// Bits of the widest vector this build's Eigen uses (the compiler's target, e.g. -march=x86-64-v3 = AVX2)
int vector_bits() {
#if defined(__AVX512F__)
    return 512;
#elif defined(__AVX__)
    return 256;
#elif defined(__SSE2__) || defined(__wasm_simd128__)
    return 128;
#else
    return 8 * int(sizeof(Real));
#endif
}

// The clock of the first core in /proc/cpuinfo, GHz (0 when unknown, e.g. under node)
double clock_ghz() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line))
        if (line.rfind("cpu MHz", 0) == 0) return std::stod(line.substr(line.find(':') + 1)) / 1000;
    return 0;
}

// Flops of one sample's training step: forward W x, dL/dW = g x^T, and dL/dx = W^T g above the first layer
double flops_per_sample(const std::vector<int>& sizes) {
    double flops = 0;
    for (size_t l = 0; l + 1 < sizes.size(); ++l) flops += 2.0 * sizes[l] * sizes[l + 1] * (l == 0 ? 2 : 3);
    return flops;
}

void run(const char* bench, const std::vector<int>& sizes, const std::string& optimizer, double lr) {
    const int n = 2000, batch = 64;
    Rng rng(1234);
    Dataset data;
    data.x.resize(sizes.front(), n);
    for (Real& v : data.x.reshaped()) v = Real(rng.uniform());
    data.y = Mat::Zero(sizes.back(), n);
    for (int j = 0; j < n; ++j) {
        data.labels.push_back(rng.below(sizes.back()));
        data.y(data.labels[j], j) = 1;
    }
    data.classes = sizes.back();

    Mlp net(sizes, ActivationKind::ReLU, rng);
    SoftmaxCrossEntropy loss;
    Backprop backprop;
    const std::unique_ptr<Optimizer> opt = make_optimizer(optimizer, lr);
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);

    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    long samples = 0;
    double elapsed = 0, last_loss = 0;
    while (elapsed < kBudgetS) {
        rng.shuffle(order);
        for (int first = 0; first < n; first += batch) {
            const int size = std::min(batch, n - first);
            const Dataset b =
                data.subset(std::vector<int>(order.begin() + first, order.begin() + first + size));
            const Mat out = net.forward(b.x, true);
            last_loss = loss.value(out, b.y);
            backprop.backward(net, loss.grad(out, b.y));
            opt->step(net.params());
            samples += size;
        }
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    const double per_s = double(samples) / elapsed;
    const double gflops = per_s * flops_per_sample(sizes) / 1e9;
    const double lanes = vector_bits() / (8.0 * sizeof(Real));
    const double peak = 2 * 2 * lanes * clock_ghz();  // GFLOP/s
    std::string shape;
    for (int s : sizes) shape += (shape.empty() ? "" : "-") + std::to_string(s);
    std::printf("bench_%s: %.0f samples/s (%s, %s, batch %d, %s; %.1f GFLOP/s", bench, per_s, shape.c_str(),
                optimizer.c_str(), batch, sizeof(Real) == 4 ? "float32" : "double", gflops);
    if (peak > 0)
        std::printf(", %.0f%% of the %.0f GFLOP/s peak of %d-bit SIMD", 100 * gflops / peak, peak,
                    vector_bits());
    std::printf("; last loss %.3f)\n", last_loss);
    std::printf("{\"bench\":\"%s\",\"samples_per_s\":%.0f,\"gflops\":%.2f,\"peak_fraction\":%.3f}\n", bench,
                per_s, gflops, peak > 0 ? gflops / peak : 0.0);
}

}  // namespace

int main() {
    run("mlp", {784, 128, 10}, "sgd", 0.01);
    run("mlp_lab1", {784, 256, 10}, "adam", 0.001);
    return 0;
}
