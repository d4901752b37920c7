#include "engine/continual_metrics.h"
#include <limits>

namespace pl {

double average_accuracy(const Mat& R) { return R.row(R.rows() - 1).mean(); }

double backward_transfer(const Mat& R) {
    const Eigen::Index T = R.rows();
    if (T < 2) return std::numeric_limits<double>::quiet_NaN();
    const Vec last = R.row(T - 1).head(T - 1).transpose(), just_trained = R.diagonal().head(T - 1);
    return (last - just_trained).mean();
}

double forgetting(const Mat& R) { return -backward_transfer(R); }

}  // namespace pl
