// One training epoch of Lab 5's spiking net: 784-100-10 LIF, 100 steps of 1 ms, latency-coded MNIST
// subset (8,000 digits), batch 256, max-voltage read-out, fast-sigmoid surrogate, BPTT + Adam.
// Usage: pl_bench_snn DATA_FILE (data/mnist-subset.bin). Prints the epoch's wall seconds, its CPU seconds (on
// a loaded machine the steadier figure) and samples/s over the CPU time as a JSON line.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <numeric>
#include "engine/dataset.h"
#include "engine/loss.h"
#include "engine/neuron_models.h"
#include "engine/optimizer.h"
#include "engine/spiking_net.h"

using namespace pl;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pl_bench_snn DATA_FILE\n");
        return 2;
    }
    Split data;
    try {
        data = load_mnist_subset(argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_snn: %s\n", e.what());
        return 1;
    }
    const Dataset& train = data.train;
    const int batch = 256;
    Rng rng(1);
    const NeuronModel& lif = neuron_table().find("lif").value;
    const ParamLookup defaults = defaults_of(lif.params());
    SpikingNet net(lif.make(784, 100, defaults, kStepMs), lif.make(100, 10, defaults, kStepMs),
                   readout_table().find("max-voltage").value, 1.0, rng);
    SoftmaxCrossEntropy loss;
    Adam adam(0.002);
    LatencyCode code;  // 20 ms, theta 0.2, 100 steps of dt
    std::vector<int> order(size_t(train.size()));
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);

    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    double loss_sum = 0;
    for (int first = 0; first < train.size(); first += batch) {
        const int size = std::min(batch, train.size() - first);
        const std::vector<int> idx(order.begin() + first, order.begin() + first + size);
        const Mat y = train.y(Eigen::all, idx);
        const Mat logits = net.forward(latency_encode(train.x(Eigen::all, idx), code), size);
        loss_sum += loss.value(logits, y) * size;
        net.backward(loss.grad(logits, y));
        adam.step(net.params());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu_seconds = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    std::printf(
        "bench_snn: one epoch of %d samples in %.2f s, %.2f s of CPU (784-100-10, 100 steps, batch %d; mean "
        "loss %.6f)\n",
        train.size(), seconds, cpu_seconds, batch, loss_sum / train.size());
    std::printf("{\"bench\":\"snn_epoch\",\"seconds\":%.3f,\"cpu_seconds\":%.3f,\"samples_per_s\":%.0f}\n",
                seconds, cpu_seconds, train.size() / cpu_seconds);
    return 0;
}
