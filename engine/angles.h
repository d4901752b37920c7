// Geometry of weight updates: the angle between two matrices read as flat vectors, and the pseudo-inverse.
// angle_deg is in degrees, NaN if either matrix is zero, and throws std::invalid_argument on a size mismatch.
#pragma once
#include "engine/tensor.h"

namespace pl {

double angle_deg(const Mat& a, const Mat& b);  // acos(<a, b> / (|a| |b|)) in degrees
Mat pseudo_inverse(const Mat& m);              // Moore-Penrose m+, via a complete orthogonal decomposition

}  // namespace pl
