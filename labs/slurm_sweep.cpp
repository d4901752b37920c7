#include "labs/slurm_sweep.h"
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace pl {
namespace {

std::string quoted(const std::string& word) {  // one shell word: 'it'\''s'
    std::string out = "'";
    for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::vector<std::string> lines_of(const std::string& path) {
    std::vector<std::string> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string task_file(const SlurmSweep& sweep, size_t task, const std::string& suffix) {
    return sweep.work_dir + "/task-" + std::to_string(task) + suffix;
}

// The job script: task i runs `plasticity-cli run LAB <run_args> --set key=<value i>`; what it leaves behind
// goes to task-<i>.out, .err, .json and .code (its exit code, written when the run ended).
std::string job_script(const SlurmSweep& sweep) {
    const std::string dir = quoted(sweep.work_dir);
    std::string cases;
    for (size_t i = 0; i < sweep.values.size(); ++i)
        cases += "  " + std::to_string(i) + ") value=" + quoted(sweep.key + "=" + sweep.values[i]) + " ;;\n";
    std::string run = quoted(sweep.cli) + " run " + quoted(sweep.lab);
    for (const std::string& arg : sweep.run_args) run += " " + quoted(arg);
    return "#!/bin/sh\n"
           "# plasticity-cli sweep " +
           sweep.lab + " --vary " + sweep.key +
           "=... --slurm: array task i runs value i; its stdout, stderr, run JSON\n"
           "# and exit code go to task-i.out, .err, .json and .code here. Rerun one: sbatch --array=I this "
           "file.\n"
           "#SBATCH --job-name=plasticity-sweep\n"
           "#SBATCH --output=" +
           sweep.work_dir + "/task-%a.out\n#SBATCH --error=" + sweep.work_dir + "/task-%a.err\n" +
           "case \"$SLURM_ARRAY_TASK_ID\" in\n" + cases + "esac\n" + run + " --set \"$value\" --out " + dir +
           "/task-\"$SLURM_ARRAY_TASK_ID\".json\n"
           "code=$?\n"
           "echo \"$code\" > " +
           dir + "/task-\"$SLURM_ARRAY_TASK_ID\".code\nexit \"$code\"\n";
}

SlurmTask read_task(const SlurmSweep& sweep, size_t i) {
    SlurmTask task;
    for (const std::string& line : lines_of(task_file(sweep, i, ".out"))) {
        Json row = Json::parse(line, nullptr, false);
        if (!row.is_discarded()) task.rows.push_back(row);
    }
    task.messages = lines_of(task_file(sweep, i, ".err"));
    std::ifstream run(task_file(sweep, i, ".json"));
    if (run) task.run = Json::parse(run, nullptr, false);
    if (task.run.is_discarded()) task.run = nullptr;
    std::ifstream code(task_file(sweep, i, ".code"));
    if (!(code >> task.exit_code)) task.exit_code = -1;
    return task;
}

}  // namespace

std::string run_slurm_sweep(const SlurmSweep& sweep, std::vector<SlurmTask>& tasks) {
    if (std::system("command -v sbatch >/dev/null 2>&1") != 0)
        return "sbatch not found: Slurm's client is not installed here (scripts/setup installs slurm-wlm)";
    std::error_code error;
    std::filesystem::create_directories(sweep.work_dir, error);
    for (size_t i = 0; i < sweep.values.size(); ++i)  // a previous sweep's files are not this one's
        for (const char* suffix : {".out", ".err", ".json", ".code"})
            std::filesystem::remove(task_file(sweep, i, suffix), error);
    const std::string script = sweep.work_dir + "/sweep.sbatch";
    std::ofstream(script) << job_script(sweep);
    if (lines_of(script).empty()) return "cannot write " + script;

    const std::string submitted = sweep.work_dir + "/sbatch.out";  // the job id (--parsable)
    const std::string command = "sbatch --wait --parsable --array=0-" +
                                std::to_string(sweep.values.size() - 1) + " " + sweep.sbatch_args + " " +
                                quoted(script) + " > " + quoted(submitted);
    std::fflush(stdout);
    // its exit code is not a task's: each task's is read from its file
    if (std::system(command.c_str()) == -1) return "cannot start sbatch";
    if (lines_of(submitted).empty()) return "sbatch did not submit " + script + " (its message above)";
    for (size_t i = 0; i < sweep.values.size(); ++i) tasks.push_back(read_task(sweep, i));
    return "";
}

}  // namespace pl
