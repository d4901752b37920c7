// Matrices of independent N(0, sd^2) entries drawn from a seeded Rng, filled in column-major order.
// The same Rng state gives the same matrix on every platform (the order is fixed, as in Linear's init).
#pragma once
#include "engine/rng.h"
#include "engine/tensor.h"

namespace pl {

Mat normal_matrix(Rng& rng, int rows, int cols, double sd);

}  // namespace pl
