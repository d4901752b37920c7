// The longest step() in CPU ms of every lab's modes (the page's status().longest_step_ms; budget 30 ms in
// wasm): each lab at its defaults, at every value of its mode parameter and at every preset, stepped until
// done, its first epoch row past the start (PL_STEPS_ROWS=N: its N-th; 0: to the end), or `seconds` of wall
// time. Usage: pl_bench_lab_steps [LAB_ID] [SECONDS] [SETTINGS] (run from the repository's top folder, where
// data/ is). Prints one JSON line per run, then the longest; with PL_STEPS_OVER_MS=N also each step longer
// than N ms (which step of the run, and the epoch rows logged before it).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>
#include "labs/catalog.h"
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

using namespace pl;

namespace {

// The number in environment variable `name`, or `unset`; in wasm under node, from node's process.env.
double env_number(const char* name, double unset) {
#ifdef __EMSCRIPTEN__
    return EM_ASM_DOUBLE(
        {
            const text = process.env[UTF8ToString($0)];
            return text ? Number(text) : $1;
        },
        name, unset);
#else
    const char* text = std::getenv(name);
    return text ? std::atof(text) : unset;
#endif
}

struct StepFigures {
    double longest_ms = 0;
    long long steps = 0;
    int epoch_rows = 0;
    std::string error;
};

// Each lab's mode parameter: a run per value.
const std::vector<std::pair<std::string, std::string>> kModeParams = {
    {"backprop", "dataset"},      {"feedback-alignment", "rule"}, {"bayes-by-backprop", "task"},
    {"regularization", "preset"}, {"surrogate-spikes", "preset"}, {"continual", "method"},
    {"target-prop", "rule"},      {"neurons", "network"},         {"plasticity", "rule"},
};

StepFigures run(const std::string& id, const std::string& settings, double seconds, double over_ms,
                int rows) {
    using clock = std::chrono::steady_clock;
    std::string message;
    std::unique_ptr<Lab> lab = make_lab_before_reset(id, message);
    StepFigures figures;
    for (const std::string& m : lab->params.set_all(settings))
        if (lab->params.is_error(m)) figures.error = m;
    stop_on_stub(*lab, [&] { lab->reset(); });
    const int rows_at_start = lab->epochs_logged();
    const auto start = clock::now();
    while (!lab->done() && (rows == 0 || lab->epochs_logged() < rows_at_start + rows) &&
           std::chrono::duration<double>(clock::now() - start).count() < seconds) {
        const std::clock_t t0 = std::clock();  // CPU time: other processes' load does not count
        stop_on_stub(*lab, [&] { lab->step(); });
        const double took_ms = 1000.0 * double(std::clock() - t0) / CLOCKS_PER_SEC;
        if (over_ms > 0 && took_ms > over_ms)
            std::printf("step %lld (after %d rows): %.1f ms\n", figures.steps, lab->epochs_logged(), took_ms);
        figures.longest_ms = std::max(figures.longest_ms, took_ms);
        ++figures.steps;
    }
    figures.epoch_rows = lab->epochs_logged() - rows_at_start;
    if (figures.error.empty()) figures.error = lab->error;
    std::replace(figures.error.begin(), figures.error.end(), '"', '\'');  // one JSON string
    return figures;
}

}  // namespace

int main(int argc, char** argv) {
    setenv("PLASTICITY_DATA", "data/mnist-subset.bin", 0);  // wasm under node too: its /data is not there
    const std::string only = argc > 1 ? argv[1] : "";
    const double seconds = argc > 2 ? std::atof(argv[2]) : 10;
    const double over_ms = env_number("PL_STEPS_OVER_MS", 0);
    const int rows = int(env_number("PL_STEPS_ROWS", 1));
    std::vector<std::pair<std::string, std::string>> runs;  // lab id, settings
    for (const auto& [id, mode] : kModeParams) {
        if (!only.empty() && id != only) continue;
        if (argc > 3) {
            runs.push_back({id, argv[3]});
            continue;
        }
        std::string message;
        const std::unique_ptr<Lab> lab = make_lab_before_reset(id, message);
        runs.push_back({id, ""});
        for (const std::string& value : lab->params.find(mode)->choices)
            runs.push_back({id, mode + "=" + value});
        for (const Preset& preset : lab->params.presets())
            if (mode != "preset") runs.push_back({id, "preset=" + preset.name});
    }
    double longest = 0;
    for (const auto& [id, settings] : runs) {
        const StepFigures f = run(id, settings, seconds, over_ms, rows);
        std::printf(
            "{\"bench\":\"lab_steps\",\"lab\":\"%s\",\"settings\":\"%s\",\"longest_step_ms\":%.1f,"
            "\"steps\":%lld,\"epoch_rows\":%d,\"error\":\"%s\"}\n",
            id.c_str(), settings.c_str(), f.longest_ms, f.steps, f.epoch_rows, f.error.substr(0, 80).c_str());
        std::fflush(stdout);
        longest = std::max(longest, f.longest_ms);
    }
    std::printf("{\"bench\":\"lab_steps_all\",\"longest_step_ms\":%.1f}\n", longest);
    return 0;
}
