// Continual-learning benchmarks on the MNIST subset: each context's train and test sets, targets mapped to
// output units by the scenario. split: 5 contexts of two digits, (0,1) .. (8,9); permuted: T contexts of the
// whole subset under a fixed random pixel permutation each (context 1 the identity).
#pragma once
#include <vector>
#include "engine/continual_scenario.h"
#include "engine/dataset.h"

namespace pl {

struct ContinualBenchmark {
    OutputLayout layout;
    // Per context: y one-hot over layout.outputs(), labels = the target unit, classes = layout.outputs().
    std::vector<Split> contexts;
};

// Makes a benchmark of `contexts` contexts (split ignores it: always 5) from the MNIST subset.
using BenchmarkFactory = ContinualBenchmark (*)(const Split& mnist, int contexts, Scenario scenario);
const Table<BenchmarkFactory>& benchmark_table();  // split, permuted

ContinualBenchmark split_benchmark(const Split& mnist, int contexts, Scenario scenario);
ContinualBenchmark permuted_benchmark(const Split& mnist, int contexts, Scenario scenario);
// The pixel order of permuted context `context` (0-based): the identity for 0, else a shuffle drawn from
// random_stream(any seed, Stream::Fixed, context), the same in every run.
std::vector<int> pixel_permutation(int pixels, int context);
// The samples of `sets` one after another (same rows and classes).
Dataset concatenated(const std::vector<const Dataset*>& sets);

}  // namespace pl
