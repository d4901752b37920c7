// The data sets labs train on, as a table: "mnist" and "fashion" (each loaded once per process and shared
// read-only, so a comparison of five runs holds one copy) and the toy sets drawn from the toy-data stream.
#pragma once
#include <memory>
#include <string>
#include "engine/dataset.h"
#include "engine/table.h"

namespace pl {

// A data set's factory: `seed` draws a toy set (random_stream(seed, Stream::ToyData)); `linear` makes the
// student-teacher teacher linear. The subsets throw DataError on a missing or corrupt file.
using TaskDataFactory = std::shared_ptr<const Split> (*)(uint64_t seed, bool linear);
const Table<TaskDataFactory>&
task_data_table();  // mnist, fashion, cubic, student-teacher, spirals, moons, xor

// task_data_table().find(name).value(seed, linear): throws std::invalid_argument on an unknown name, listing
// the valid ones.
std::shared_ptr<const Split> task_data(const std::string& name, uint64_t seed, bool linear = false);

}  // namespace pl
