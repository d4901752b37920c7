// Runs a lab in time slices so a UI frame never spends more than its budget on lab work, and measures
// throughput: samples/s over the work time and an ETA from the progress rate.
#pragma once
#include <limits>
#include "labs/steppable.h"

namespace pl {

class LabRunner {
public:
    void attach(Steppable* work);  // also restarts the counters
    // Steps while the next step (estimated from the recent ones) still fits the budget; at least one step.
    // Called once per frame; the wall time between calls counts towards samples/s and the ETA.
    void run_slice(double budget_ms);
    void pause() { running = false, last_slice_s_ = 0; }
    // n steps, timed; fewer if the lab finishes or the next step would end past budget_ms (at least one).
    // Returns the steps done.
    long long step_n(long long n, double budget_ms = std::numeric_limits<double>::infinity());
    void restart_clock();  // after reset()
    double samples_per_s() const;
    double eta_s() const;  // NaN until there is a rate
    double elapsed_s() const { return wall_s_ > 0 ? wall_s_ : work_s_; }
    double longest_step_ms() const { return longest_step_ms_; }

    bool running = false;

private:
    void timed_step();

    Steppable* work_ = nullptr;
    double work_s_ = 0;  // seconds spent inside step()
    double wall_s_ = 0;  // seconds between run_slice() calls while running (each gap capped at 1 s)
    double last_slice_s_ = 0;
    double typical_step_ms_ = 0;  // moving average of step() durations
    double longest_step_ms_ = 0;
    long long samples_at_start_ = 0;
    double progress_at_start_ = 0;
};

}  // namespace pl
