// Time-slicing for a lab's step(): runs the work in chunks until about `slice_ms` of wall-clock time have
// passed or the work is done, so the page keeps its frame rate whatever the work's granularity.
#pragma once
#include <chrono>

namespace pl {

constexpr double kStepSliceMs = 10;  // wall-clock work of a sliced step(): a third of the 30 ms budget

// Runs `work(n)` with n = `chunk` until about `slice_ms` have passed (0: once) or `done()`.
template <class Work, class Done>
void for_a_slice(double slice_ms, int chunk, Work&& work, Done&& done) {
    const auto start = std::chrono::steady_clock::now();
    while (!done()) {
        work(chunk);
        const std::chrono::duration<double, std::milli> spent = std::chrono::steady_clock::now() - start;
        if (spent.count() >= slice_ms) return;
    }
}

}  // namespace pl
