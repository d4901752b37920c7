// plasticity-cli: the labs headless, for tests, grading and batch runs.
//   plasticity-cli list
//   plasticity-cli params LAB          (its parameter table in Markdown, as its handout embeds it)
//   plasticity-cli run LAB [--set key=value ...] [--seed N] [--epochs N] [--out FILE.json]
//   plasticity-cli sweep LAB --vary key=v1,v2,... [--set key=value ...] [--seed N] [--epochs N] [--out
//   FILE.json] [--slurm [--sbatch-args ARGS]]
// Prints one JSON object per epoch, then a final line with "final": true (per run, tagged with the varied
// value in a sweep). --epochs N sets the epochs parameter of the lab's mode (Lab 3 with task=mnist:
// mnist_epochs). A sweep creates each run when the previous one has finished and keeps only its results;
// with --slurm it runs as a Slurm array job instead, one task per value (labs/slurm_sweep.h), and prints and
// writes the same (its tasks' files in FILE.json.slurm/, on a filesystem the cluster's nodes share).
// Exit codes: 0 ok, 2 bad arguments (unknown lab, key or option, a value not allowed or out of range, or
// settings that need more memory than there is), 3 training diverged, 4 bad data (a data file missing,
// unreadable, a directory or corrupt), 5 cannot write the --out file (checked before the run starts), 6 an
// exercise the lab runs is not implemented yet (a student's copy), 7 the Slurm job could not run or one of
// its tasks did not finish (sweep --slurm). A sweep exits with the code of its first failed run.
#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>
#include "labs/catalog.h"
#include "labs/comparison.h"
#include "labs/lab_runner.h"
#include "labs/run_export.h"
#include "labs/slurm_sweep.h"

namespace {

enum ExitCode {
    kOk = 0,
    kBadArguments = 2,
    kDiverged = 3,
    kBadData = 4,
    kCannotWrite = 5,
    kNotImplemented = 6,
    kSlurm = 7,
};

int usage(const std::string& problem) {
    std::fprintf(
        stderr,
        "plasticity-cli: %s\n"
        "usage: plasticity-cli list\n"
        "       plasticity-cli params LAB\n"
        "       plasticity-cli run LAB [--set key=value ...] [--seed N] [--epochs N] [--out FILE.json]\n"
        "       plasticity-cli sweep LAB --vary key=v1,v2,... [--set key=value ...] [--seed N] "
        "[--epochs N] [--out FILE.json]\n"
        "             [--slurm [--sbatch-args \"--partition=P --time=T\"]]\n"
        "--epochs N sets the epochs parameter of the lab's mode (bayes-by-backprop task=mnist: "
        "mnist_epochs).\n"
        "--slurm runs the sweep as a Slurm array job, one task per value, and prints the same; it needs "
        "--out\n"
        "on a filesystem the cluster's nodes share (the tasks' files go to FILE.json.slurm/).\n"
        "exit codes: 0 ok, 2 bad arguments, 3 training diverged, 4 bad data file, 5 cannot write --out, 6 an "
        "exercise is not implemented yet, 7 the Slurm job could not run or a task did not finish\n",
        problem.c_str());
    return kBadArguments;
}

// An argument as a message quotes it: at most 40 bytes.
std::string clipped(const std::string& text) { return text.size() <= 40 ? text : text.substr(0, 37) + "..."; }

std::string without_prefix(const std::string& message) {
    return message.rfind("error: ", 0) == 0 ? message.substr(7) : message;
}

// One output line: `tag` ({"rule":"fa"} in a sweep, else {}) followed by the members of `row`.
void print_line(const pl::Json& tag, const pl::Json& row) {
    pl::Json line = tag;
    line.update(row);
    std::printf("%s\n", pl::dump(line).c_str());
}

// One warning line on stderr per reason for the nulls of `row` ("undefined" maps a metric to its reason),
// each reason of a metric once per run (in `warned`).
void warn_undefined(const pl::Json& row, std::set<std::string>& warned) {
    std::map<std::string, std::string> metrics_of;  // reason -> "metric, metric"
    for (const auto& item : row.items()) {
        if (!item.value().is_null()) continue;
        const std::string& metric = item.key();
        const std::string why = row.contains("undefined") && row["undefined"].contains(metric)
                                    ? row["undefined"][metric].get<std::string>()
                                    : "no reason was recorded";
        if (!warned.insert(metric + ": " + why).second) continue;
        std::string& metrics = metrics_of[why];
        metrics += (metrics.empty() ? "" : ", ") + metric;
    }
    for (const auto& [why, metrics] : metrics_of)
        std::fprintf(stderr, "plasticity-cli: warning: %s undefined (null): %s\n", metrics.c_str(),
                     why.c_str());
}

// Prints `line` on stderr and keeps it in `said`.
void note(std::set<std::string>& said, const std::string& line) {
    std::fprintf(stderr, "%s\n", line.c_str());
    said.insert(line);
}

// Steps `lab` to the end, printing each new epoch row, then the final metrics.
void run_printing(pl::Lab& lab, pl::LabRunner& runner, const pl::Json& tag) {
    runner.attach(&lab);
    int printed = 0;
    std::set<std::string> warned;
    while (!lab.done()) {
        pl::stop_on_stub(lab, [&] { runner.step_n(1); });
        const pl::MetricLog& epochs = *lab.logs()[0];
        for (; printed < epochs.rows(); ++printed) {
            print_line(tag, epochs.row_to_json(printed));
            warn_undefined(epochs.row_to_json(printed), warned);
        }
        std::fflush(stdout);
    }
    print_line(tag, pl::final_json(lab, runner.samples_per_s()));
    // a run stopped on a problem: its error message (printed next) says why the final metrics are null
    if (lab.error.empty()) warn_undefined(pl::final_json(lab, runner.samples_per_s()), warned);
}

// The exit code of a run that stopped on a problem (kOk when it did not).
int exit_code(const pl::Lab& lab) {
    if (lab.error.empty()) return kOk;
    switch (lab.problem) {
        case pl::Problem::Diverged:
            return kDiverged;
        case pl::Problem::BadData:
            return kBadData;
        case pl::Problem::BadSettings:
            return kBadArguments;
        case pl::Problem::NotImplemented:
            return kNotImplemented;
    }
    return kDiverged;
}

int cannot_write(const std::string& path, const std::string& reason) {
    std::fprintf(stderr, "plasticity-cli: cannot write --out %s: %s\n", path.c_str(), reason.c_str());
    return kCannotWrite;
}

// "" when `path` can be written (created, or an existing file replaced), else the OS's reason. Leaves no
// file behind and changes none: an existing file is opened for appending, a new one created and removed.
std::string write_problem(const std::string& path) {
    int fd = open(path.c_str(), O_WRONLY | O_APPEND);
    const bool create = fd < 0 && errno == ENOENT;
    if (create) fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0) return std::strerror(errno);
    close(fd);
    if (create) unlink(path.c_str());
    return "";
}

// Writes `text` and a newline to `path`: "" or the OS's reason.
std::string write_file(const std::string& path, const std::string& text) {
    std::FILE* out = std::fopen(path.c_str(), "w");
    if (!out) return std::strerror(errno);
    const bool written = std::fputs((text + "\n").c_str(), out) >= 0;
    const int write_errno = errno;
    if (std::fclose(out) != 0 || !written) return std::strerror(written ? errno : write_errno);
    return "";
}

// --epochs sets `epochs`, or the <mode>_epochs parameter that applies instead (Lab 3 task=mnist).
std::string epochs_key(const pl::Params& params) {
    for (const pl::ParamSpec& s : params.specs()) {
        const bool counts_epochs =
            s.name == "epochs" || (s.name.size() > 7 && s.name.rfind("_epochs") == s.name.size() - 7);
        if (counts_epochs && params.applies(s)) return s.name;
    }
    return "epochs";
}

// Runs `lab` once, printing its rows, and writes its run JSON to `out_path` if given. The exit code.
int run_single(pl::Lab& lab, const std::optional<std::string>& out_path) {
    pl::LabRunner runner;
    pl::stop_on_stub(lab, [&] { lab.reset(); });
    run_printing(lab, runner, pl::Json::object());
    if (!lab.error.empty()) std::fprintf(stderr, "plasticity-cli: %s\n", lab.error.c_str());
    if (out_path) {
        const std::string problem =
            write_file(*out_path, pl::dump(pl::run_json(lab, runner.samples_per_s())));
        if (!problem.empty()) return cannot_write(*out_path, problem);
    }
    return exit_code(lab);
}

// One run per value, one after another: each created when the previous one has finished, only its results
// kept (Comparison::json's format in `out_path`). The exit code of the first run that failed.
int run_sweep(const pl::Lab& base, const std::string& key, const std::vector<std::string>& values,
              const std::optional<std::string>& out_path) {
    pl::LabRunner runner;
    pl::Json results = pl::Json::array();
    int code = kOk;
    for (const std::string& value : values) {
        std::string message;
        std::unique_ptr<pl::Lab> run = pl::lab_variant(base, key, value, message);
        run_printing(*run, runner, pl::value_tag(key, value));
        if (!run->error.empty())
            std::fprintf(stderr, "plasticity-cli: %s=%s: %s\n", key.c_str(), value.c_str(),
                         run->error.c_str());
        if (code == kOk) code = exit_code(*run);
        results.push_back(pl::comparison_run_json(key, value, *run, runner.samples_per_s()));
    }
    if (out_path) {
        const std::string problem =
            write_file(*out_path, pl::dump(pl::comparison_json(base.info().id, key, std::move(results))));
        if (!problem.empty()) return cannot_write(*out_path, problem);
    }
    return code;
}

// The sweep as a Slurm array job: prints and writes what run_sweep does, read from the tasks' files. The
// tasks' stderr is relayed but for the notes this process printed before (`said`); a task's error is tagged
// with its value, as run_sweep does. No --out file when a task wrote no run (as run_sweep out of memory).
int run_sweep_on_slurm(const pl::SlurmSweep& sweep, const std::string& out_path,
                       const std::set<std::string>& said) {
    std::vector<pl::SlurmTask> tasks;
    const std::string problem = pl::run_slurm_sweep(sweep, tasks);
    if (!problem.empty()) {
        std::fprintf(stderr, "plasticity-cli: sweep --slurm: %s\n", problem.c_str());
        return kSlurm;
    }
    pl::Json results = pl::Json::array();
    int code = kOk;
    for (size_t i = 0; i < tasks.size(); ++i) {
        const std::string& value = sweep.values[i];
        const pl::Json tag = pl::value_tag(sweep.key, value);
        for (const pl::Json& row : tasks[i].rows) print_line(tag, row);
        std::fflush(stdout);
        const pl::Json& run = tasks[i].run;
        const std::string error = run.contains("final") ? run["final"].value("error", std::string()) : "";
        for (const std::string& line : tasks[i].messages)
            if (!error.empty() && line == "plasticity-cli: " + error)
                std::fprintf(stderr, "plasticity-cli: %s=%s: %s\n", sweep.key.c_str(), value.c_str(),
                             error.c_str());
            else if (!said.count(line))
                std::fprintf(stderr, "%s\n", line.c_str());
        if (tasks[i].exit_code < 0)
            std::fprintf(stderr,
                         "plasticity-cli: %s=%s: its Slurm task did not finish (cancelled, out of time or "
                         "memory?): see %s/task-%zu.err\n",
                         sweep.key.c_str(), value.c_str(), sweep.work_dir.c_str(), i);
        if (code == kOk) code = tasks[i].exit_code < 0 ? kSlurm : tasks[i].exit_code;
        pl::Json tagged = tag;  // comparison_run_json's format
        tagged.update(run.is_object() ? run : pl::Json::object());
        results.push_back(tagged);
    }
    for (const pl::SlurmTask& task : tasks)
        if (!task.run.is_object()) return code;
    const std::string written =
        write_file(out_path, pl::dump(pl::comparison_json(sweep.lab, sweep.key, std::move(results))));
    return written.empty() ? code : cannot_write(out_path, written);
}

// `run`'s exit code; a run that needs more memory than there is stops with a message (exit 2), not an abort.
template <class Run>
int out_of_memory_as_message(Run run) {
    try {
        return run();
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr,
                     "plasticity-cli: out of memory: these settings need more than there is; use a "
                     "smaller network (fewer or narrower hidden layers) or a smaller batch\n");
        return kBadArguments;
    }
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
    if (args[0] != "run" && args[0] != "params" && !sweep)
        return usage("unknown command '" + clipped(args[0]) + "'");
    if (args.size() < 2 || args[1].rfind("--", 0) == 0)
        return usage(args[0] + " needs a lab id (see plasticity-cli list)");

    std::string message;
    std::unique_ptr<pl::Lab> lab = pl::make_lab_before_reset(args[1], message);
    if (!lab) return usage(without_prefix(message));
    if (args[0] == "params") {
        std::printf("%s", lab->params.markdown_table().c_str());
        return 0;
    }

    std::vector<std::pair<std::string, std::string>> assignments;  // key, value
    std::string vary, epochs, sbatch_args;
    std::optional<std::string> out_path;
    bool has_epochs = false, slurm = false;
    for (size_t i = 2; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--slurm" && sweep) {
            slurm = true;
            continue;
        }
        if (i + 1 >= args.size()) return usage(clipped(flag) + " needs a value");
        const std::string& value = args[++i];
        const size_t eq = value.find('=');
        if (flag == "--set" && (eq == std::string::npos || eq == 0))
            return usage("--set needs key=value, got '" + clipped(value) + "'");
        if (flag == "--set")
            assignments.push_back({value.substr(0, eq), value.substr(eq + 1)});
        else if (flag == "--seed")
            assignments.push_back({"seed", value});
        else if (flag == "--epochs")
            epochs = value, has_epochs = true;  // set last: the mode decides which epochs parameter
        else if (flag == "--out")
            out_path = value;
        else if (flag == "--vary" && sweep)
            vary = value;
        else if (flag == "--sbatch-args" && sweep)
            sbatch_args = value;
        else
            return usage("unknown option '" + clipped(flag) + "'");
    }
    if (!sbatch_args.empty() && !slurm) return usage("--sbatch-args needs --slurm");
    std::set<std::string> said;         // the notes on stderr before the runs (a Slurm task says them again)
    std::vector<std::string> run_args;  // a Slurm task's settings: these as --set key=value, in this order
    for (const auto& [key, value] : assignments) {
        const std::string m = lab->params.set(key, value, pl::OutOfRange::Refuse);
        if (lab->params.is_error(m)) return usage(without_prefix(m));
        if (!m.empty()) note(said, "plasticity-cli: " + m);
        run_args.insert(run_args.end(), {"--set", key + "=" + value});
    }
    if (has_epochs) {  // after the --set values: they choose the mode
        const std::string key = epochs_key(lab->params);
        const std::string m = lab->params.set(key, epochs, pl::OutOfRange::Refuse);
        if (lab->params.is_error(m)) return usage(without_prefix(m));
        run_args.insert(run_args.end(), {"--set", key + "=" + epochs});
    }
    for (const pl::ParamSpec& spec : lab->params.specs()) {
        bool assigned = false;
        for (const auto& assignment : assignments) assigned = assigned || assignment.first == spec.name;
        if (assigned && !lab->params.applies(spec))
            note(said, "plasticity-cli: warning: " + spec.name +
                           " has no effect with these settings (its help in `plasticity-cli params " +
                           args[1] + "` says when it applies)");
    }
    if (out_path) {
        const std::string problem = write_problem(*out_path);
        if (!problem.empty()) return cannot_write(*out_path, problem);
    }
    if (!sweep) return out_of_memory_as_message([&] { return run_single(*lab, out_path); });
    const size_t eq = vary.find('=');
    if (vary.empty() || eq == std::string::npos) return usage("sweep needs --vary key=v1,v2,...");
    const std::string key = vary.substr(0, eq);
    const std::vector<std::string> values = pl::split_values(vary.substr(eq + 1));
    message = pl::check_values(lab->params, key, values, pl::OutOfRange::Refuse);
    if (!message.empty()) return usage(without_prefix(message));
    if (!slurm) return out_of_memory_as_message([&] { return run_sweep(*lab, key, values, out_path); });
    if (!out_path)
        return usage("sweep --slurm needs --out FILE.json on a filesystem the cluster's nodes share");
    const pl::SlurmSweep job{
        std::filesystem::read_symlink("/proc/self/exe").string(), args[1],    run_args, key, values,
        std::filesystem::absolute(*out_path + ".slurm").string(), sbatch_args};
    return run_sweep_on_slurm(job, *out_path, said);
}
