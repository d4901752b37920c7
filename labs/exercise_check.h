// Golden data of the exercise probes (the reference's outputs for seeds 1..3) and the public tests that
// compare a build's outputs with them: one test per probe and seed, its verdict in plain words, then a hint.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include "engine/json.h"
#include "labs/exercise.h"

namespace pl {

const std::vector<uint64_t>& golden_seeds();  // 1, 2, 3

// {"seeds": [...], "tests": [{exercise, probe, seed, outputs: [{name, tolerance, hint, rows, cols,
// values}]}]}
Json golden_json(const std::vector<ExerciseProbe>& probes);

struct PublicTest {
    std::string exercise, probe;
    uint64_t seed = 0;
    bool passed = false;
    std::string message;  // why it failed: "dL/dW is wrong: largest error 0.31 at row 3, column 17 ..."
};

// Runs the probes of the golden tests whose exercise is `id`, or whose lab is `id` ("" = every test), on
// this build; a probe that throws fails its test only. Throws std::invalid_argument for an unknown `id`.
std::vector<PublicTest> run_public_tests(const std::vector<ExerciseProbe>& probes, const Json& golden,
                                         const std::string& id);

// "" when `got` matches the golden output within its tolerance, else the verdict and the hint.
std::string output_verdict(const Json& expected, const Mat& got);

}  // namespace pl
