// A long trace thinned for drawing without losing its spikes: per bucket of samples, the minimum and the
// maximum in their order, so a plot of 100,000 steps draws at most 2 points per pixel column.
#pragma once
#include <vector>

namespace pl::ui {

// (x, y) in at most 2 * buckets points (all of them when there are fewer); x ascending.
void MinMaxDecimate(const std::vector<double>& x, const std::vector<double>& y, int buckets,
                    std::vector<double>& out_x, std::vector<double>& out_y);

}  // namespace pl::ui
