#include "labs/lab_runner.h"

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

void LabRunner::attach(Lab* lab) {
    lab_ = lab;
    running = false;
    restart_clock();
}

void LabRunner::restart_clock() {
    work_s_ = 0;
    samples_at_start_ = lab_ ? lab_->samples_seen() : 0;
    progress_at_start_ = lab_ ? lab_->progress() : 0;
}

void LabRunner::run_slice(double budget_ms) {
    if (!lab_) return;
    double start = now_s();
    while (!lab_->done() && lab_->error.empty() && (now_s() - start) * 1000 < budget_ms) lab_->step();
    work_s_ += now_s() - start;
    if (lab_->done() || !lab_->error.empty()) running = false;
}

void LabRunner::step_n(int n) {
    if (!lab_) return;
    double start = now_s();
    for (int i = 0; i < n && !lab_->done() && lab_->error.empty(); ++i) lab_->step();
    work_s_ += now_s() - start;
}

double LabRunner::samples_per_s() const {
    if (!lab_ || work_s_ <= 0) return 0;
    return double(lab_->samples_seen() - samples_at_start_) / work_s_;
}

double LabRunner::eta_s() const {
    if (!lab_ || work_s_ <= 0) return std::numeric_limits<double>::quiet_NaN();
    double rate = (lab_->progress() - progress_at_start_) / work_s_;  // progress per second of work
    if (rate <= 0) return std::numeric_limits<double>::quiet_NaN();
    return (1 - lab_->progress()) / rate;
}

}  // namespace pl
