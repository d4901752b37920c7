#include "engine/continual_benchmark.h"
#include <numeric>
#include "engine/random_streams.h"

namespace pl {

namespace {
constexpr int kSplitContexts = 5;  // (0,1), (2,3), (4,5), (6,7), (8,9)
constexpr int kSplitClasses = 2;   // digits per split context
constexpr int kDigits = 10;

// `set`'s samples with digits in [first, first + count), their targets the units of `context`'s classes
// (class = digit - first).
Dataset relabelled(const Dataset& set, int first, int count, int context, const OutputLayout& layout) {
    std::vector<int> idx;
    for (int n = 0; n < set.size(); ++n)
        if (set.labels[size_t(n)] >= first && set.labels[size_t(n)] < first + count) idx.push_back(n);
    Dataset out = set.subset(idx);
    out.classes = layout.outputs();
    out.y = Mat::Zero(out.classes, out.size());
    for (int n = 0; n < out.size(); ++n) {
        out.labels[size_t(n)] = layout.unit(context, out.labels[size_t(n)] - first);
        out.y(out.labels[size_t(n)], n) = 1;
    }
    return out;
}
}  // namespace

const Table<BenchmarkFactory>& benchmark_table() {
    static const Table<BenchmarkFactory> table(
        "benchmark",
        {
            {"split", "split MNIST: 5 contexts of two digits, (0,1) to (8,9)", split_benchmark},
            {"permuted", "permuted MNIST: every digit under a fixed pixel permutation per context",
             permuted_benchmark},
        });
    return table;
}

ContinualBenchmark split_benchmark(const Split& mnist, int /*contexts*/, Scenario scenario) {
    ContinualBenchmark b;
    b.layout = {scenario, kSplitClasses, kSplitContexts};
    for (int t = 0; t < kSplitContexts; ++t) {
        const int first = kSplitClasses * t;
        b.contexts.push_back({relabelled(mnist.train, first, kSplitClasses, t, b.layout),
                              relabelled(mnist.test, first, kSplitClasses, t, b.layout)});
    }
    return b;
}

ContinualBenchmark permuted_benchmark(const Split& mnist, int contexts, Scenario scenario) {
    ContinualBenchmark b;
    b.layout = {scenario, kDigits, contexts};
    for (int t = 0; t < contexts; ++t) {
        Split context = {relabelled(mnist.train, 0, kDigits, t, b.layout),
                         relabelled(mnist.test, 0, kDigits, t, b.layout)};
        const std::vector<int> order = pixel_permutation(int(mnist.train.x.rows()), t);
        context.train.x = context.train.x(order, Eigen::all).eval();  // pixel i of context t = pixel order[i]
        context.test.x = context.test.x(order, Eigen::all).eval();
        b.contexts.push_back(std::move(context));
    }
    return b;
}

std::vector<int> pixel_permutation(int pixels, int context) {
    std::vector<int> order(static_cast<size_t>(pixels));
    std::iota(order.begin(), order.end(), 0);
    if (context == 0) return order;
    Rng rng = random_stream(0, Stream::Fixed, uint64_t(context));
    rng.shuffle(order);
    return order;
}

Dataset concatenated(const std::vector<const Dataset*>& sets) {
    Dataset out = *sets.front();
    for (size_t s = 1; s < sets.size(); ++s) {
        const Dataset& more = *sets[s];
        out.x.conservativeResize(Eigen::NoChange, out.x.cols() + more.x.cols());
        out.x.rightCols(more.x.cols()) = more.x;
        out.y.conservativeResize(Eigen::NoChange, out.y.cols() + more.y.cols());
        out.y.rightCols(more.y.cols()) = more.y;
        out.labels.insert(out.labels.end(), more.labels.begin(), more.labels.end());
    }
    return out;
}

}  // namespace pl
