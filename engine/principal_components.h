// The principal components of a data set (eigenvectors of its second-moment matrix, largest first) and the
// angles that compare learned components with them: sign-free for one vector, principal angles for subspaces.
#pragma once
#include <vector>
#include "engine/tensor.h"

namespace pl {

// C = X X^T / n, the second moment <x x^T>: what Oja's and Sanger's rules converge to (they subtract no
// mean), so a caller that wants the covariance centres X first.
struct PrincipalComponents {
    Mat vectors;  // inputs x k, unit columns, largest eigenvalue first
    Vec values;   // k eigenvalues, descending
};
PrincipalComponents principal_components(const Mat& X, int k);  // X: inputs x samples

// The angle between the axes of w and v, sign-free: acos(|w.v| / (|w| |v|)) in degrees, in [0, 90]; NaN
// if either is zero.
double axis_angle_deg(const Vec& w, const Vec& v);

// The largest principal angle between span(A) and span(B) (columns, same count): acos of the smallest
// singular value of Qa^T Qb, in degrees.
double subspace_angle_deg(const Mat& A, const Mat& B);

// Per learned component i (column i of `learned`), its angle to the true component i; where eigenvalues lie
// within `closeness` (relative) of their neighbours, the group's subspace angle, as their order is not
// defined.
std::vector<double> component_angles_deg(const Mat& learned, const PrincipalComponents& truth,
                                         double closeness = 0.05);

}  // namespace pl
