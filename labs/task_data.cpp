#include "labs/task_data.h"
#include "engine/random_streams.h"

namespace pl {

namespace {
// Loads a digit file once; every caller shares it until no lab holds it any more.
std::shared_ptr<const Split> shared_subset(std::weak_ptr<const Split>& cache, const std::string& path) {
    std::shared_ptr<const Split> data = cache.lock();
    if (!data) {
        data = std::make_shared<const Split>(load_mnist_subset(path));
        cache = data;
    }
    return data;
}

std::shared_ptr<const Split> mnist(uint64_t, bool) {
    static std::weak_ptr<const Split> cache;
    return shared_subset(cache, default_mnist_path());
}

std::shared_ptr<const Split> fashion(uint64_t, bool) {
    static std::weak_ptr<const Split> cache;
    return shared_subset(cache, default_fashion_path());
}

// A toy set's stream: the same data for every rule and initialisation
Rng toy_rng(uint64_t seed) { return random_stream(seed, Stream::ToyData); }
std::shared_ptr<const Split> shared(Split split) { return std::make_shared<const Split>(std::move(split)); }
}  // namespace

const Table<TaskDataFactory>& task_data_table() {
    static const Table<TaskDataFactory> table(
        "data set", {
                        {"mnist", "MNIST subset: 8,000 train / 2,000 test digits", mnist},
                        {"fashion", "Fashion-MNIST subset: 8,000 train / 2,000 test images", fashion},
                        {"cubic", "20 points of y = x^3 + noise",
                         [](uint64_t seed, bool) {
                             Rng rng = toy_rng(seed);
                             return shared(make_cubic(rng));
                         }},
                        {"student-teacher", "a random teacher MLP 5-25-50-25-5, 1,000 inputs",
                         [](uint64_t seed, bool linear) {
                             Rng rng = toy_rng(seed);
                             return shared(make_student_teacher(rng, 1000, linear));
                         }},
                        {"spirals", "two interleaved spirals",
                         [](uint64_t seed, bool) {
                             Rng rng = toy_rng(seed);
                             return shared(make_spirals(rng));
                         }},
                        {"moons", "two half moons",
                         [](uint64_t seed, bool) {
                             Rng rng = toy_rng(seed);
                             return shared(make_moons(rng));
                         }},
                        {"xor", "XOR of two noisy clusters",
                         [](uint64_t seed, bool) {
                             Rng rng = toy_rng(seed);
                             return shared(make_xor(rng));
                         }},
                    });
    return table;
}

std::shared_ptr<const Split> task_data(const std::string& name, uint64_t seed, bool linear) {
    return task_data_table().find(name).value(seed, linear);
}

}  // namespace pl
