#include "labs/lab_runner.h"
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace pl {

namespace {
double now_s() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}
}  // namespace

void LabRunner::attach(Steppable* work) {
    work_ = work;
    running = false;
    restart_clock();
}

void LabRunner::restart_clock() {
    work_s_ = wall_s_ = last_slice_s_ = 0;
    typical_step_ms_ = longest_step_ms_ = 0;
    samples_at_start_ = work_ ? work_->samples_seen() : 0;
    progress_at_start_ = work_ ? work_->progress() : 0;
}

void LabRunner::timed_step() {
    double start = now_s();
    work_->step();
    double seconds = now_s() - start;
    work_s_ += seconds;
    typical_step_ms_ = typical_step_ms_ == 0 ? seconds * 1000 : 0.9 * typical_step_ms_ + 0.1 * seconds * 1000;
    longest_step_ms_ = std::max(longest_step_ms_, seconds * 1000);
}

void LabRunner::run_slice(double budget_ms) {
    if (!work_) return;
    double start = now_s();
    if (last_slice_s_ > 0) wall_s_ += std::min(start - last_slice_s_, 1.0);
    last_slice_s_ = start;
    do {
        if (work_->done()) break;
        timed_step();
    } while ((now_s() - start) * 1000 + typical_step_ms_ < budget_ms);
    if (work_->done()) running = false;
    if (!running) last_slice_s_ = 0;
}

long long LabRunner::step_n(long long n, double budget_ms) {
    if (!work_) return 0;
    double start = now_s();
    long long done = 0;
    for (; done < n && !work_->done(); ++done) {
        if (done > 0 && (now_s() - start) * 1000 + typical_step_ms_ > budget_ms) break;
        timed_step();
    }
    return done;
}

double LabRunner::samples_per_s() const {
    if (!work_ || elapsed_s() <= 0) return 0;
    return double(work_->samples_seen() - samples_at_start_) / elapsed_s();
}

double LabRunner::eta_s() const {
    if (!work_ || elapsed_s() <= 0) return std::numeric_limits<double>::quiet_NaN();
    double rate = (work_->progress() - progress_at_start_) / elapsed_s();  // progress per second
    if (rate <= 0) return std::numeric_limits<double>::quiet_NaN();
    return (1 - work_->progress()) / rate;
}

}  // namespace pl
