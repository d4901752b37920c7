// plasticity-cli: the labs headless, for tests, grading and batch runs.
//   plasticity-cli list
//   plasticity-cli run LAB [--set key=value ...] [--seed N] [--epochs N] [--out FILE.json]
// Prints one JSON object per epoch, then a final line with "final": true. Exit 2 on bad arguments,
// 3 when training diverges or the lab cannot start (the message says why).
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>
#include "labs/catalog.h"
#include "labs/lab_runner.h"
#include "labs/run_export.h"

namespace {

int usage(const std::string& problem) {
    std::fprintf(
        stderr,
        "plasticity-cli: %s\n"
        "usage: plasticity-cli list\n"
        "       plasticity-cli run LAB [--set key=value ...] [--seed N] [--epochs N] [--out FILE.json]\n",
        problem.c_str());
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage("no command given");
    if (args[0] == "list") {
        std::printf("%s\n", pl::catalog_json().c_str());
        return 0;
    }
    if (args[0] != "run") return usage("unknown command '" + args[0] + "'");
    if (args.size() < 2 || args[1].rfind("--", 0) == 0)
        return usage("run needs a lab id (see plasticity-cli list)");

    std::string message;
    std::unique_ptr<pl::Lab> lab = pl::make_lab(args[1], message);
    if (!lab) return usage(message.substr(7));  // without "error: "

    std::vector<std::string> assignments;
    std::string out_path;
    for (size_t i = 2; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (i + 1 >= args.size()) return usage(flag + " needs a value");
        const std::string& value = args[++i];
        if (flag == "--set")
            assignments.push_back(value);
        else if (flag == "--seed")
            assignments.push_back("seed=" + value);
        else if (flag == "--epochs")
            assignments.push_back("epochs=" + value);
        else if (flag == "--out")
            out_path = value;
        else
            return usage("unknown option '" + flag + "'");
    }
    for (const std::string& a : assignments) {
        std::vector<std::string> messages = lab->params.set_all(a, '\n');
        for (const std::string& m : messages) {
            if (lab->params.is_error(m)) return usage(m.substr(7));
            std::fprintf(stderr, "plasticity-cli: %s\n", m.c_str());
        }
    }

    lab->reset();
    pl::LabRunner runner;
    runner.attach(lab.get());
    int printed = 0;
    while (!lab->done()) {
        runner.step_n(1);
        const pl::MetricLog& epochs = *lab->logs()[0];
        for (; printed < epochs.rows(); ++printed) std::printf("%s\n", epochs.row_json(printed).c_str());
        std::fflush(stdout);
    }
    std::printf("%s\n", pl::final_json(*lab, runner.samples_per_s()).c_str());

    if (!out_path.empty()) {
        std::ofstream out(out_path);
        out << pl::run_json(*lab, runner.samples_per_s()) << "\n";
        if (!out) {
            std::fprintf(stderr, "plasticity-cli: cannot write %s\n", out_path.c_str());
            return 3;
        }
    }
    if (!lab->error.empty()) {
        std::fprintf(stderr, "plasticity-cli: %s\n", lab->error.c_str());
        return 3;
    }
    return 0;
}
