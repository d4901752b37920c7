// Numeric types of the engine: double precision, one sample per column (features x batch).
// Double keeps finite-difference checks exact to 1e-6 and costs ~2x in speed, measured in tests/bench.
#pragma once
#include <Eigen/Dense>

namespace pl {
using Mat = Eigen::MatrixXd;  // rows = features, cols = samples in the batch
using Vec = Eigen::VectorXd;
}  // namespace pl
