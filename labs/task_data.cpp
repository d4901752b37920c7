#include "labs/task_data.h"
#include <stdexcept>
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
}  // namespace

std::shared_ptr<const Split> task_data(const std::string& name, uint64_t seed, bool linear) {
    static std::weak_ptr<const Split> mnist, fashion;
    if (name == "mnist") return shared_subset(mnist, default_mnist_path());
    if (name == "fashion") return shared_subset(fashion, default_fashion_path());
    Rng rng = random_stream(seed, Stream::ToyData);  // the same toy data for every rule and init
    if (name == "cubic") return std::make_shared<const Split>(make_cubic(rng));
    if (name == "student-teacher")
        return std::make_shared<const Split>(make_student_teacher(rng, 1000, linear));
    if (name == "spirals") return std::make_shared<const Split>(make_spirals(rng));
    if (name == "moons") return std::make_shared<const Split>(make_moons(rng));
    if (name == "xor") return std::make_shared<const Split>(make_xor(rng));
    throw std::invalid_argument("unknown data set '" + name + "'");
}

}  // namespace pl
