// The data sets labs train on, by name: "mnist" and "fashion" (each loaded once per process and shared
// read-only, so a comparison of five runs holds one copy), "cubic", "student-teacher", "spirals", "moons",
// "xor".
#pragma once
#include <memory>
#include <string>
#include "engine/dataset.h"

namespace pl {

// Toy sets are drawn from `seed`; `linear` makes the student-teacher teacher linear. Throws
// std::runtime_error on a missing/corrupt MNIST file and std::invalid_argument on an unknown name.
std::shared_ptr<const Split> task_data(const std::string& name, uint64_t seed, bool linear = false);

}  // namespace pl
