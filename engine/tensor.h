// Numeric types of the engine: one sample per column (features x batch), in float32 (`Real`). The engine
// built with PL_REAL_DOUBLE (pl_engine_double) is the double instantiation, for gradient checks against
// finite differences.
#pragma once
#include <Eigen/Dense>

namespace pl {
#ifdef PL_REAL_DOUBLE
using Real = double;
#else
using Real = float;
#endif
using Mat =
    Eigen::Matrix<Real, Eigen::Dynamic, Eigen::Dynamic>;  // rows = features, cols = samples in the batch
using Vec = Eigen::Matrix<Real, Eigen::Dynamic, 1>;
using RowVec = Eigen::Matrix<Real, 1, Eigen::Dynamic>;
using Arr = Eigen::Array<Real, Eigen::Dynamic, Eigen::Dynamic>;  // element-wise view of a Mat
}  // namespace pl
