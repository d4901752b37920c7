// Training throughput of the engine: MLP 784-128-10, ReLU, softmax cross-entropy, SGD, batch 64,
// on 2,000 seeded random inputs with random labels (no data file, so it also runs under node).
// Trains whole epochs for about 3 seconds and prints samples per second.
#include <chrono>
#include <cstdio>
#include <numeric>
#include "engine/dataset.h"
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"

using namespace pl;

int main() {
    const int n = 2000, batch = 64;
    const double budget_s = 3.0;

    Rng rng(1234);
    Dataset data;
    data.x.resize(784, n);
    for (double& v : data.x.reshaped()) v = rng.uniform();
    data.y = Mat::Zero(10, n);
    for (int j = 0; j < n; ++j) {
        data.labels.push_back(rng.below(10));
        data.y(data.labels[j], j) = 1.0;
    }
    data.classes = 10;

    Mlp net({784, 128, 10}, ActivationKind::ReLU, rng);
    SoftmaxCrossEntropy loss;
    Backprop backprop;
    Sgd sgd(0.01);
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);

    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    long samples = 0;
    double elapsed = 0, last_loss = 0;
    while (elapsed < budget_s) {
        rng.shuffle(order);
        for (int first = 0; first < n; first += batch) {
            const int size = std::min(batch, n - first);
            const Dataset b =
                data.subset(std::vector<int>(order.begin() + first, order.begin() + first + size));
            const Mat out = net.forward(b.x, true);
            last_loss = loss.value(out, b.y);
            backprop.backward(net, loss.grad(out, b.y));
            sgd.step(net.params());
            samples += size;
        }
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    const long per_s = long(double(samples) / elapsed);
    std::printf(
        "bench_mlp: %ld samples/s (784-128-10, batch %d, double; %ld samples in %.2f s, last loss %.3f)\n",
        per_s, batch, samples, elapsed, last_loss);
    std::printf("{\"bench\":\"mlp\",\"samples_per_s\":%ld}\n", per_s);
    return 0;
}
