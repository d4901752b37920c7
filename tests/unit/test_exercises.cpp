// Exercise mode: the public tests' verdicts in plain words, a probe that throws failing its own test only,
// the reference passing its own golden data, every probe's exercise marked in the source, and a lab on a
// stub.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include "labs/exercise_check.h"
#include "labs/lab.h"

using namespace pl;

namespace {
// The golden entry of one output: `want`, its tolerance and hint.
Json golden_output(const std::string& name, const Mat& want, double tolerance) {
    return golden_json({{"x.y", "case", [&](uint64_t) {
                             return std::vector<ProbeOutput>{{name, want, tolerance, "Hint."}};
                         }}})["tests"][0]["outputs"][0];
}

std::string source_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

TEST_CASE("exercises: a wrong output says what is wrong, where, and the tolerance, then the hint",
          "[exercise]") {
    const Mat want = Mat::Constant(10, 20, 0.5);
    const Json golden = golden_output("dL/dW", want, 1e-6);
    CHECK(output_verdict(golden, want).empty());
    Mat got = want;
    got(3, 17) += 0.31;
    got(1, 2) += 0.1;
    CHECK(output_verdict(golden, got) ==
          "dL/dW is wrong: largest error 0.31 at row 3, column 17 (tolerance 1e-06). Hint.");
    CHECK(output_verdict(golden, want.transpose()) == "dL/dW has shape 20x10, expected 10x20. Hint.");
    got(5, 5) = std::nan("");
    CHECK(output_verdict(golden, got) == "dL/dW is not a number at row 5, column 5 (nan). Hint.");
}

TEST_CASE("exercises: a probe that throws fails its own tests only, unknown ids are refused", "[exercise]") {
    const std::vector<ExerciseProbe> reference = {
        {"lab.stub", "case",
         [](uint64_t) {
             return std::vector<ProbeOutput>{{"y", Mat::Ones(2, 2), 0, ""}};
         }},
        {"lab.crash", "case",
         [](uint64_t) {
             return std::vector<ProbeOutput>{{"y", Mat::Ones(2, 2), 0, ""}};
         }},
        {"other.fine", "case",
         [](uint64_t) {
             return std::vector<ProbeOutput>{{"y", Mat::Ones(2, 2), 0, ""}};
         }},
    };
    const Json golden = golden_json(reference);
    std::vector<ExerciseProbe> student = reference;
    student[0].run = [](uint64_t) -> std::vector<ProbeOutput> {
        throw NotImplemented("lab.stub", "engine/x.cpp");
    };
    student[1].run = [](uint64_t) -> std::vector<ProbeOutput> {
        throw std::runtime_error("index out of range");
    };

    const std::vector<PublicTest> tests = run_public_tests(student, golden, "");
    REQUIRE(tests.size() == 9);  // 3 probes x seeds 1, 2, 3
    CHECK(tests[0].message == "Exercise lab.stub is not implemented yet: engine/x.cpp");
    CHECK(tests[3].message == "the code threw an exception: index out of range");
    CHECK(tests[6].passed);
    CHECK(run_public_tests(student, golden, "lab").size() == 6);  // a lab's exercises
    CHECK(run_public_tests(student, golden, "other.fine").size() == 3);
    CHECK_THROWS_WITH(run_public_tests(student, golden, "lab.nope"),
                      Catch::Contains("unknown exercise or lab 'lab.nope'; exercises: lab.crash, lab.stub"));
}

TEST_CASE("exercises: the reference passes its own golden data, and every probe's exercise is marked",
          "[exercise]") {
    const std::vector<ExerciseProbe> probes = all_exercise_probes();
    for (const PublicTest& t : run_public_tests(probes, golden_json(probes), "")) {
        INFO(t.exercise << " (" << t.probe << ", seed " << t.seed << "): " << t.message);
        CHECK(t.passed);
    }
    std::string sources;
    for (const char* folder : {"engine", "labs"})
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(std::string(PL_SOURCE_DIR) + "/" + folder))
            if (entry.path().extension() == ".cpp" || entry.path().extension() == ".h")
                sources += source_text(entry.path());
    std::set<std::string> exercises;
    for (const ExerciseProbe& probe : probes) exercises.insert(probe.exercise);
    for (const std::string& id : exercises) {
        INFO(id);
        CHECK(sources.find("// EXERCISE " + id + ": ") != std::string::npos);
    }
}

namespace {
// A lab whose reset() runs an exercise that is still a stub.
class StubLab : public Lab {
public:
    StubLab() : Lab({}) {}
    const LabInfo& info() const override { return kInfo; }
    void reset() override { throw NotImplemented("backprop.linear_backward", "engine/linear.cpp"); }
    void step() override {}
    bool done() const override { return !error.empty(); }
    double progress() const override { return 0; }
    std::vector<const MetricLog*> logs() const override { return {&log}; }

    inline static const LabInfo kInfo = {"stub", "Stub", "a lab on a stub"};
    MetricLog log;
};
}  // namespace

TEST_CASE("exercises: a lab on a stub stops with the exercise's notice instead of throwing", "[exercise]") {
    StubLab lab;
    stop_on_stub(lab, [&] { lab.reset(); });
    CHECK(lab.done());
    CHECK(lab.problem == Problem::NotImplemented);
    CHECK(lab.error == "Exercise backprop.linear_backward is not implemented yet: engine/linear.cpp");
}
