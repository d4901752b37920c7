// Lab 3's units of work: one Bayes-by-Backprop update of a 1-10-10-1 ReLU net on the 20 cubic points
// (negative ELBO and its gradient, Adam), and one predictive of 100 weight samples on the 201-point grid.
// Repeats each for about 1.5 seconds and prints microseconds per update and milliseconds per predictive.
#include <chrono>
#include <cstdio>
#include "engine/bayes_by_backprop.h"
#include "engine/dataset.h"
#include "engine/gaussian_nll.h"
#include "engine/optimizer.h"

using namespace pl;
using Clock = std::chrono::steady_clock;

// Calls work() until budget_s has passed; returns seconds per call.
template <class F>
double seconds_per_call(F work, double budget_s) {
    const Clock::time_point start = Clock::now();
    long calls = 0;
    double elapsed = 0;
    while (elapsed < budget_s) {
        work();
        ++calls;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    return elapsed / double(calls);
}

int main() {
    Rng rng(1);
    const Split data = make_cubic(rng, 20, 201, -3.5, 3.5, 3.0);
    const Mat grid = RowVec::LinSpaced(201, -5, 5);
    Mlp net = make_bayes_mlp({1, 10, 10, 1}, ActivationKind::ReLU, rng, 1.0, 0.01, 2);
    const GaussianNll nll(3.0);
    Adam adam(0.01);
    double loss = 0;

    const double update_s = seconds_per_call(
        [&] {
            loss = elbo_backward(net, nll, data.train.x, data.train.y, 20, 3.0).loss();
            adam.step(net.params());
        },
        1.5);
    double checksum = 0;
    const double predictive_s =
        seconds_per_call([&] { checksum += sample_functions(net, grid, 100).sum(); }, 1.5);

    std::printf(
        "bench_bbb: %.1f us per update (1-10-10-1, 20 points, last F %.1f), %.2f ms per predictive "
        "(100 samples x 201 points, checksum %.3g)\n",
        update_s * 1e6, loss, predictive_s * 1e3, checksum);
    std::printf("{\"bench\":\"bbb_update\",\"microseconds\":%.2f}\n", update_s * 1e6);
    std::printf("{\"bench\":\"bbb_predictive\",\"milliseconds\":%.3f}\n", predictive_s * 1e3);
    return 0;
}
