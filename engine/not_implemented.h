// The error a student's unfinished exercise throws: names the exercise and its file (relative to the repo).
// what() reads "Exercise backprop.linear_backward is not implemented yet: engine/linear.cpp"; labs show it.
#pragma once
#include <stdexcept>
#include <string>

namespace pl {

struct NotImplemented : std::logic_error {
    NotImplemented(const std::string& exercise, const std::string& file)
        : std::logic_error("Exercise " + exercise + " is not implemented yet: " + file),
          exercise(exercise),
          file(file) {}
    std::string exercise;  // "backprop.linear_backward"
    std::string file;      // "engine/linear.cpp"
};

}  // namespace pl
