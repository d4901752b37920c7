// plasticity-cli: the labs headless, for tests, grading and batch runs.
//   plasticity-cli list
//   plasticity-cli params LAB          (its parameter table in Markdown, as its handout embeds it)
//   plasticity-cli run LAB [--set key=value ...] [--seed N] [--epochs N] [--out FILE.json]
//   plasticity-cli sweep LAB --vary key=v1,v2,... [--set key=value ...] [--seed N] [--epochs N] [--out
//   FILE.json]
// Prints one JSON object per epoch, then a final line with "final": true (per run, tagged with the varied
// value in a sweep). Exit 2 on bad arguments, 3 when a run diverges or the lab cannot start.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>
#include "labs/catalog.h"
#include "labs/comparison.h"
#include "labs/lab_runner.h"
#include "labs/run_export.h"

namespace {

int usage(const std::string& problem) {
    std::fprintf(
        stderr,
        "plasticity-cli: %s\n"
        "usage: plasticity-cli list\n"
        "       plasticity-cli params LAB\n"
        "       plasticity-cli run LAB [--set key=value ...] [--seed N] [--epochs N] [--out FILE.json]\n"
        "       plasticity-cli sweep LAB --vary key=v1,v2,... [--set key=value ...] [--seed N] "
        "[--epochs N] [--out FILE.json]\n",
        problem.c_str());
    return 2;
}

std::string without_prefix(const std::string& message) {
    return message.rfind("error: ", 0) == 0 ? message.substr(7) : message;
}

// One output line: `tag` ({"rule":"fa"} in a sweep, else {}) followed by the members of `row`.
void print_line(const pl::Json& tag, const pl::Json& row) {
    pl::Json line = tag;
    line.update(row);
    std::printf("%s\n", pl::dump(line).c_str());
}

// Steps `lab` to the end, printing each new epoch row, then the final metrics.
void run_printing(pl::Lab& lab, pl::LabRunner& runner, const pl::Json& tag) {
    runner.attach(&lab);
    int printed = 0;
    while (!lab.done()) {
        runner.step_n(1);
        const pl::MetricLog& epochs = *lab.logs()[0];
        for (; printed < epochs.rows(); ++printed) print_line(tag, epochs.row_to_json(printed));
        std::fflush(stdout);
    }
    print_line(tag, pl::final_json(lab, runner.samples_per_s()));
}

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path);
    out << text << "\n";
    if (!out) std::fprintf(stderr, "plasticity-cli: cannot write %s\n", path.c_str());
    return bool(out);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage("no command given");
    if (args[0] == "list") {
        std::printf("%s\n", pl::catalog_json().c_str());
        return 0;
    }
    const bool sweep = args[0] == "sweep";
    if (args[0] != "run" && args[0] != "params" && !sweep) return usage("unknown command '" + args[0] + "'");
    if (args.size() < 2 || args[1].rfind("--", 0) == 0)
        return usage(args[0] + " needs a lab id (see plasticity-cli list)");

    std::string message;
    std::unique_ptr<pl::Lab> lab = pl::make_lab(args[1], message);
    if (!lab) return usage(without_prefix(message));
    if (args[0] == "params") {
        std::printf("%s", lab->params.markdown_table().c_str());
        return 0;
    }

    std::vector<std::string> assignments;
    std::string out_path, vary;
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
        else if (flag == "--vary" && sweep)
            vary = value;
        else
            return usage("unknown option '" + flag + "'");
    }
    for (const std::string& a : assignments) {
        for (const std::string& m : lab->params.set_all(a, '\n')) {
            if (lab->params.is_error(m)) return usage(without_prefix(m));
            std::fprintf(stderr, "plasticity-cli: %s\n", m.c_str());
        }
    }
    lab->reset();
    pl::LabRunner runner;

    if (!sweep) {
        run_printing(*lab, runner, pl::Json::object());
        if (!out_path.empty() && !write_file(out_path, pl::dump(pl::run_json(*lab, runner.samples_per_s()))))
            return 3;
        if (!lab->error.empty()) std::fprintf(stderr, "plasticity-cli: %s\n", lab->error.c_str());
        return lab->error.empty() ? 0 : 3;
    }

    size_t eq = vary.find('=');
    if (vary.empty() || eq == std::string::npos) return usage("sweep needs --vary key=v1,v2,...");
    pl::Comparison comparison;
    message = comparison.start(*lab, vary.substr(0, eq), pl::split_values(vary.substr(eq + 1)));
    if (!message.empty()) return usage(without_prefix(message));
    bool failed = false;
    for (size_t r = 0; r < comparison.runs.size(); ++r) {
        pl::Lab& run = *comparison.runs[r];
        run_printing(run, runner, comparison.tag(r));
        if (!run.error.empty()) {
            std::fprintf(stderr, "plasticity-cli: %s: %s\n", comparison.label(r).c_str(), run.error.c_str());
            failed = true;
        }
    }
    if (!out_path.empty() && !write_file(out_path, pl::dump(comparison.json(0)))) return 3;
    return failed ? 3 : 0;
}
