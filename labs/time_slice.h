// Time-slicing for a lab's step(): runs the work in chunks until about `slice_ms` of wall-clock time have
// passed or the work is done, so the page keeps its frame rate whatever the work's granularity.
#pragma once
#include <algorithm>
#include <chrono>

namespace pl {

constexpr double kStepSliceMs = 10;  // wall-clock work of a sliced step(): a third of the 30 ms budget

// Runs `work(n)` with n = `chunk` while one more call, as long as the longest so far, still ends within
// `slice_ms` (0: once), or until `done()`.
template <class Work, class Done>
void for_a_slice(double slice_ms, int chunk, Work&& work, Done&& done) {
    using clock = std::chrono::steady_clock;
    using ms = std::chrono::duration<double, std::milli>;
    const clock::time_point start = clock::now();
    double longest_ms = 0;
    while (!done()) {
        const clock::time_point before = clock::now();
        work(chunk);
        const clock::time_point after = clock::now();
        longest_ms = std::max(longest_ms, ms(after - before).count());
        if (ms(after - start).count() + longest_ms > slice_ms) return;
    }
}

}  // namespace pl
