#include "engine/bcm_patterns.h"
#include <algorithm>
#include <functional>
#include <limits>

namespace pl {

Mat random_patterns(Rng& rng, int inputs, int count) {
    Mat patterns(inputs, count);
    for (Eigen::Index i = 0; i < patterns.size(); ++i) patterns.data()[i] = rng.uniform();
    return patterns;
}

// selectivity_i = |r|_(1) / |r|_(2), r = row i of W P, |r|_(k) its k-th largest magnitude
Vec selectivity(const Mat& W, const Mat& patterns) {
    const Mat responses = W * patterns;
    Vec out(W.rows());
    for (Eigen::Index i = 0; i < W.rows(); ++i) {
        if (patterns.cols() < 2) {
            out(i) = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        Vec r = responses.row(i).cwiseAbs().transpose();
        std::partial_sort(r.begin(), r.begin() + 2, r.end(), std::greater<double>());
        out(i) = r(1) > 0 ? r(0) / r(1) : std::numeric_limits<double>::infinity();
    }
    return out;
}

}  // namespace pl
