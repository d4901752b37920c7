// Gaussian random matrices from the engine's Rng.
#include "engine/random_matrix.h"

namespace pl {

// m_ij ~ N(0, sd^2), column by column
Mat normal_matrix(Rng& rng, int rows, int cols, double sd) {
    Mat m(rows, cols);
    for (Real& v : m.reshaped()) v = rng.normal(0.0, sd);
    return m;
}

}  // namespace pl
