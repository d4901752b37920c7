// Compares the analytic gradient (Backprop) with central finite differences, one entry per parameter.
// relative error = |g_a - g_fd| / max(|g_a| + |g_fd|, 1e-12), reported as the max over checked entries.
#pragma once
#include <string>
#include <vector>
#include "engine/loss.h"
#include "engine/mlp.h"
#include "engine/rng.h"

namespace pl {

// Central differences in the engine's Real: the step, and the relative error under which a gradient agrees
// (truncation ~ step^2 against rounding ~ the Real's epsilon / step): 1e-5 and 1e-6 in double, 1e-2 and 2e-2
// in float32, where only a wrong gradient (errors near 1) stands out. Exact checks use the double
// instantiation.
inline constexpr double kFiniteDifferenceStep = sizeof(Real) == sizeof(double) ? 1e-5 : 1e-2;
inline constexpr double kGradientAgreement = sizeof(Real) == sizeof(double) ? 1e-6 : 2e-2;

struct GradientCheckRow {
    std::string param;  // "W1", "b1", ...
    int checked = 0;    // entries compared
    double max_rel_error = 0;
    double analytic_norm = 0, numeric_norm = 0;  // over the checked entries
};

// Checks up to `per_param` random entries of each parameter (all of them if per_param <= 0).
std::vector<GradientCheckRow> check_gradients(Mlp& net, const Loss& loss, const Mat& x, const Mat& y,
                                              Rng& rng, int per_param = 20,
                                              double eps = kFiniteDifferenceStep);

}  // namespace pl
