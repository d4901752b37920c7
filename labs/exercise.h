// The public tests of the exercises: each probe runs an exercise's real engine code on seeded inputs and
// returns named outputs; golden data are these outputs of the reference, and a student's are compared to
// them.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>
#include "engine/tensor.h"

namespace pl {

struct ProbeOutput {
    std::string name;  // in the course's words: "dL/dW"
    Mat value;
    double tolerance;  // the largest allowed |error| per element
    std::string hint;  // said after the verdict: "dL/dW must have the shape of W: did you transpose x?"
};

struct ExerciseProbe {
    std::string exercise;  // "backprop.linear_backward"
    std::string name;      // the probe's name within the exercise: "small batch"
    // Builds inputs from random_stream(seed, Stream::Probe), calls the exercise's code, returns its outputs.
    std::function<std::vector<ProbeOutput>(uint64_t seed)> run;
};

// Each lab's probes, defined in labs/<id>/<id>_exercises.cpp (one declaration per lab with exercises).
std::vector<ExerciseProbe> backprop_exercise_probes();
std::vector<ExerciseProbe> feedback_alignment_exercise_probes();
std::vector<ExerciseProbe> bayes_by_backprop_exercise_probes();
std::vector<ExerciseProbe> regularization_exercise_probes();
std::vector<ExerciseProbe> surrogate_spikes_exercise_probes();
std::vector<ExerciseProbe> continual_exercise_probes();
std::vector<ExerciseProbe> target_prop_exercise_probes();
std::vector<ExerciseProbe> neurons_exercise_probes();
std::vector<ExerciseProbe> plasticity_exercise_probes();

// Every probe of every lab, in the order of labs/exercises.cpp's table.
std::vector<ExerciseProbe> all_exercise_probes();

}  // namespace pl
