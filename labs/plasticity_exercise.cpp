// plasticity-exercise: the public tests of the exercises, headless.
//   plasticity-exercise golden OUT.json                      (the reference's outputs of every probe,
//   seeds 1..3) plasticity-exercise check [ID] --golden FILE [--json]    (ID: an exercise
//   "backprop.linear_backward" or a lab)
// check prints one line per test (PASS/FAIL, the verdict in plain words, then a hint) and a summary "N of M
// public tests passed"; --json prints {"passed", "total", "tests": [...]} instead. Exit codes: 0 every chosen
// public test passed, 1 some failed, 2 bad arguments or an unreadable golden file.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>
#include "labs/exercise_check.h"

namespace {

int usage(const std::string& problem) {
    std::fprintf(stderr,
                 "plasticity-exercise: %s\n"
                 "usage: plasticity-exercise golden OUT.json\n"
                 "       plasticity-exercise check [ID] --golden FILE [--json]\n",
                 problem.c_str());
    return 2;
}

int write_golden(const std::string& path) {
    std::ofstream out(path);
    out << pl::golden_json(pl::all_exercise_probes()).dump(1) << "\n";
    if (!out) return usage("cannot write " + path);
    return 0;
}

void print_results(const std::vector<pl::PublicTest>& tests, int passed, bool as_json) {
    if (as_json) {
        pl::Json list = pl::Json::array();
        for (const pl::PublicTest& t : tests)
            list.push_back({{"exercise", t.exercise},
                            {"probe", t.probe},
                            {"seed", t.seed},
                            {"passed", t.passed},
                            {"message", t.message}});
        std::printf("%s\n",
                    pl::Json({{"passed", passed}, {"total", tests.size()}, {"tests", list}}).dump().c_str());
        return;
    }
    for (const pl::PublicTest& t : tests) {
        std::printf("%s %s (%s, seed %llu)\n", t.passed ? "PASS" : "FAIL", t.exercise.c_str(),
                    t.probe.c_str(), (unsigned long long)t.seed);
        if (!t.passed) std::printf("     %s\n", t.message.c_str());
    }
    std::printf("%d of %zu public tests passed\n", passed, tests.size());
}

int check(const std::string& id, const std::string& golden_path, bool as_json) {
    std::ifstream in(golden_path);
    if (!in) return usage("cannot read the golden file " + golden_path);
    pl::Json golden;
    try {
        golden = pl::Json::parse(in);
    } catch (const std::exception& e) {
        return usage("the golden file " + golden_path + " is not valid JSON: " + e.what());
    }
    std::vector<pl::PublicTest> tests;
    try {
        tests = pl::run_public_tests(pl::all_exercise_probes(), golden, id);
    } catch (const std::invalid_argument& e) {
        return usage(e.what());
    } catch (const pl::Json::exception& e) {
        return usage("the golden file " + golden_path + " is malformed: " + e.what());
    }
    int passed = 0;
    for (const pl::PublicTest& t : tests) passed += t.passed;
    print_results(tests, passed, as_json);
    return passed == int(tests.size()) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage("no command given");
    if (args[0] == "golden") return args.size() == 2 ? write_golden(args[1]) : usage("golden needs OUT.json");
    if (args[0] != "check") return usage("unknown command '" + args[0] + "'");
    std::string id, golden_path;
    bool as_json = false;
    for (size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--json")
            as_json = true;
        else if (args[i] == "--golden" && i + 1 < args.size())
            golden_path = args[++i];
        else if (args[i].rfind("--", 0) != 0 && id.empty())
            id = args[i];
        else
            return usage("unknown option '" + args[i] + "'");
    }
    if (golden_path.empty()) return usage("check needs --golden FILE");
    return check(id, golden_path, as_json);
}
