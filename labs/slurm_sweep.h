// plasticity-cli sweep --slurm: the sweep as a Slurm array job, one task per value, each a `plasticity-cli
// run` whose stdout, stderr, run JSON and exit code land in the work dir; the parent waits and reads them
// back.
#pragma once
#include <string>
#include <vector>
#include "engine/json.h"

namespace pl {

struct SlurmSweep {
    std::string cli;                    // this plasticity-cli (the tasks run it: a shared filesystem)
    std::string lab;                    // the lab id
    std::vector<std::string> run_args;  // the options every run gets (--set key=value ...)
    std::string key;                    // the varied parameter, one task per value
    std::vector<std::string> values;
    std::string work_dir;     // sweep.sbatch and the tasks' files (a shared filesystem)
    std::string sbatch_args;  // extra sbatch options ("--partition=short --time=10"), split by the shell
};

struct SlurmTask {
    std::vector<Json> rows;             // its stdout's JSON lines: the epoch rows, then the final line
    std::vector<std::string> messages;  // its stderr's lines
    Json run;                           // its run JSON (run_json), null when it wrote none
    int exit_code = -1;                 // -1: it did not finish (cancelled, out of time or memory)
};

// Writes work_dir/sweep.sbatch, runs it with `sbatch --wait --array=0-<N-1>` and reads every task's files
// into `tasks` (one per value): "" or why the job did not run (sbatch missing or refusing it: its message on
// stderr).
std::string run_slurm_sweep(const SlurmSweep& sweep, std::vector<SlurmTask>& tasks);

}  // namespace pl
