#include "labs/task_data.h"
#include <stdexcept>

namespace pl {

namespace {
std::shared_ptr<const Split> shared_mnist_subset() {
    static std::weak_ptr<const Split> cache;  // freed when no lab holds it any more
    std::shared_ptr<const Split> data = cache.lock();
    if (!data) {
        data = std::make_shared<const Split>(load_mnist_subset(default_mnist_path()));
        cache = data;
    }
    return data;
}
}  // namespace

std::shared_ptr<const Split> task_data(const std::string& name, uint64_t seed, bool linear) {
    if (name == "mnist") return shared_mnist_subset();
    Rng rng(seed * 7919 + 17);  // toy data has its own stream: the same for every rule and init
    if (name == "cubic") return std::make_shared<const Split>(make_cubic(rng));
    if (name == "student-teacher")
        return std::make_shared<const Split>(make_student_teacher(rng, 1000, linear));
    if (name == "spirals") return std::make_shared<const Split>(make_spirals(rng));
    if (name == "moons") return std::make_shared<const Split>(make_moons(rng));
    if (name == "xor") return std::make_shared<const Split>(make_xor(rng));
    throw std::invalid_argument("unknown data set '" + name + "'");
}

}  // namespace pl
