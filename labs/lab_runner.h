// Runs a lab in time slices so a UI frame never spends more than its budget on lab work, and measures
// throughput: samples/s over the work time and an ETA from the progress rate.
#pragma once
#include "labs/lab.h"

namespace pl {

class LabRunner {
public:
    void attach(Lab* lab);       // also restarts the counters
    void run_slice(double budget_ms);  // steps until the budget is spent, the lab is done or errs
    void step_n(int n);          // exactly n steps (fewer if the lab finishes), timed
    void restart_clock();        // after reset()
    double samples_per_s() const;
    double eta_s() const;        // NaN until there is a rate
    double work_s() const { return work_s_; }

    bool running = false;

private:
    Lab* lab_ = nullptr;
    double work_s_ = 0;         // seconds spent inside step()
    long long samples_at_start_ = 0;
    double progress_at_start_ = 0;
};

}  // namespace pl
