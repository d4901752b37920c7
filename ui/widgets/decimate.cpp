#include "ui/widgets/decimate.h"
#include <algorithm>

namespace pl::ui {

void MinMaxDecimate(const std::vector<double>& x, const std::vector<double>& y, int buckets,
                    std::vector<double>& out_x, std::vector<double>& out_y) {
    const size_t n = std::min(x.size(), y.size());
    out_x.clear(), out_y.clear();
    if (n <= size_t(2 * std::max(1, buckets))) {
        out_x.assign(x.begin(), x.begin() + long(n)), out_y.assign(y.begin(), y.begin() + long(n));
        return;
    }
    for (int b = 0; b < buckets; ++b) {
        const size_t begin = n * size_t(b) / size_t(buckets), end = n * size_t(b + 1) / size_t(buckets);
        const auto [lo, hi] = std::minmax_element(y.begin() + long(begin), y.begin() + long(end));
        const size_t first = size_t(std::min(lo, hi) - y.begin()),
                     second = size_t(std::max(lo, hi) - y.begin());
        out_x.push_back(x[first]), out_y.push_back(y[first]);
        if (second != first) out_x.push_back(x[second]), out_y.push_back(y[second]);
    }
}

}  // namespace pl::ui
