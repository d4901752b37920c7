// The public tests of the exercises: golden data written from the reference, verdicts in plain words.
#include "labs/exercise_check.h"
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>
#include "engine/not_implemented.h"

namespace pl {

const std::vector<uint64_t>& golden_seeds() {
    static const std::vector<uint64_t> seeds = {1, 2, 3};
    return seeds;
}

static Json matrix_json(const Mat& m) {
    Json rows = Json::array();
    for (int r = 0; r < m.rows(); ++r) {
        Json row = Json::array();
        for (int c = 0; c < m.cols(); ++c) row.push_back(m(r, c));  // every digit: golden data are exact
        rows.push_back(row);
    }
    return rows;
}

Json golden_json(const std::vector<ExerciseProbe>& probes) {
    Json tests = Json::array();
    for (const ExerciseProbe& probe : probes) {
        for (uint64_t seed : golden_seeds()) {
            Json outputs = Json::array();
            for (const ProbeOutput& out : probe.run(seed))
                outputs.push_back({{"name", out.name},
                                   {"tolerance", out.tolerance},
                                   {"hint", out.hint},
                                   {"rows", out.value.rows()},
                                   {"cols", out.value.cols()},
                                   {"values", matrix_json(out.value)}});
            tests.push_back(
                {{"exercise", probe.exercise}, {"probe", probe.name}, {"seed", seed}, {"outputs", outputs}});
        }
    }
    return {{"seeds", golden_seeds()}, {"tests", tests}};
}

static std::string number_text(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

std::string output_verdict(const Json& expected, const Mat& got) {
    const std::string name = expected["name"];
    const std::string hint = expected["hint"];
    const long rows = expected["rows"], cols = expected["cols"];
    if (got.rows() != rows || got.cols() != cols)
        return name + " has shape " + std::to_string(got.rows()) + "x" + std::to_string(got.cols()) +
               ", expected " + std::to_string(rows) + "x" + std::to_string(cols) + ". " + hint;
    Mat want(rows, cols);
    for (long r = 0; r < rows; ++r)
        for (long c = 0; c < cols; ++c) want(r, c) = expected["values"][r][c].get<double>();
    // |got - want| per element, a NaN or infinity counted as the largest error
    const Mat error = (got - want).cwiseAbs().unaryExpr([](Real e) { return std::isnan(e) ? INFINITY : e; });
    Eigen::Index at_row = 0, at_col = 0;
    const double largest = error.maxCoeff(&at_row, &at_col);
    const double tolerance = expected["tolerance"];
    if (largest <= tolerance) return "";
    const std::string where = " at row " + std::to_string(at_row) + ", column " + std::to_string(at_col);
    if (!std::isfinite(got(at_row, at_col)))
        return name + " is not a number" + where + " (" + number_text(got(at_row, at_col)) + "). " + hint;
    return name + " is wrong: largest error " + number_text(largest) + where + " (tolerance " +
           number_text(tolerance) + "). " + hint;
}

// The verdict of one golden test on this build: "" when every output matches.
static std::string test_verdict(const ExerciseProbe& probe, const Json& test) {
    std::vector<ProbeOutput> outputs;
    try {
        outputs = probe.run(test["seed"].get<uint64_t>());
    } catch (const NotImplemented& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("the code threw an exception: ") + e.what();
    }
    const Json& expected = test["outputs"];
    if (outputs.size() != expected.size())
        return "the probe returned " + std::to_string(outputs.size()) + " outputs, expected " +
               std::to_string(expected.size()) + " (the probe file differs from the release's)";
    for (size_t i = 0; i < outputs.size(); ++i)
        if (std::string verdict = output_verdict(expected[i], outputs[i].value); !verdict.empty())
            return verdict;
    return "";
}

static bool chosen(const std::string& exercise, const std::string& id) {
    return id.empty() || exercise == id || exercise.substr(0, exercise.find('.')) == id;
}

std::vector<PublicTest> run_public_tests(const std::vector<ExerciseProbe>& probes, const Json& golden,
                                         const std::string& id) {
    std::set<std::string> known;
    std::vector<PublicTest> results;
    for (const Json& test : golden["tests"]) {
        const std::string exercise = test["exercise"], name = test["probe"];
        known.insert(exercise);
        if (!chosen(exercise, id)) continue;
        PublicTest result{
            exercise, name, test["seed"].get<uint64_t>(), false,
            "this build has no probe named '" + name + "' (the probe file differs from the release's)"};
        for (const ExerciseProbe& probe : probes)
            if (probe.exercise == exercise && probe.name == name) result.message = test_verdict(probe, test);
        result.passed = result.message.empty();
        results.push_back(result);
    }
    if (results.empty()) {
        std::string valid;
        for (const std::string& e : known) valid += (valid.empty() ? "" : ", ") + e;
        throw std::invalid_argument("unknown exercise or lab '" + id + "'; exercises: " + valid);
    }
    return results;
}

}  // namespace pl
