// Time of one Lab 4 training step with every per-batch regularizer on (the wasm budget is ~30 ms): a batch of
// 32 random 28 x 28 images augmented (shift, rotation, elastic, noise), then input dropout, 784-256-10 with
// batch norm and dropout, Adam, L2 and max-norm. Runs for about 3 seconds; prints the mean and worst step.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include "engine/augment.h"
#include "engine/batch_norm.h"
#include "engine/dropout.h"
#include "engine/learning_rule.h"
#include "engine/loss.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "engine/regularizers.h"

using namespace pl;

int main() {
    const int batch = 32;
    const double budget_s = 3.0;

    Rng rng(1234);
    const Mat images = Mat::NullaryExpr(784, batch, [&] { return rng.uniform(); });
    Mat labels = Mat::Zero(10, batch);
    for (int j = 0; j < batch; ++j) labels(rng.below(10), j) = 1.0;

    Mlp net;
    net.add(std::make_unique<Dropout>(0.2, 1));
    net.add(std::make_unique<Linear>(784, 256, rng, 1.0, 1));
    net.add(std::make_unique<BatchNorm>(256));
    net.add(std::make_unique<Activation>(ActivationKind::ReLU));
    net.add(std::make_unique<Dropout>(0.5, 2));
    net.add(std::make_unique<Linear>(256, 10, rng, 1.0, 2));
    AugmentOptions augmentation;
    augmentation.elastic = 30, augmentation.noise = 0.1;
    SoftmaxCrossEntropy loss;
    Backprop backprop;
    Adam adam(0.001);

    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    int steps = 0;
    double elapsed = 0, worst_ms = 0;
    while (elapsed < budget_s) {
        const Clock::time_point t0 = Clock::now();
        const Mat x = augment(images, 28, 28, augmentation, rng);
        const Mat out = net.forward(x, true);
        backprop.backward(net, loss.grad(out, labels));
        add_l2_grad(net.linears(), 1e-4);
        adam.step(net.params());
        project_max_norm(net.linears(), 3);
        worst_ms = std::max(worst_ms, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        ++steps;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    const double mean_ms = 1000 * elapsed / steps;
    std::printf("bench_regularization: %.2f ms per step, worst %.2f ms (batch %d, %d steps in %.2f s)\n",
                mean_ms, worst_ms, batch, steps, elapsed);
    std::printf("{\"bench\":\"regularization\",\"ms_per_step\":%.3f,\"worst_ms\":%.3f}\n", mean_ms, worst_ms);
    return 0;
}
