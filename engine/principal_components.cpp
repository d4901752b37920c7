#include "engine/principal_components.h"
#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include "engine/math.h"

namespace pl {

namespace {
double degrees(double cosine) { return pl::acos(std::clamp(cosine, -1.0, 1.0)) * 180 / std::numbers::pi; }

Mat orthonormal_basis(const Mat& A) {
    return Eigen::HouseholderQR<Mat>(A).householderQ() * Mat::Identity(A.rows(), A.cols());
}
}  // namespace

// C = X X^T / n;  C v = lambda v, the k largest
PrincipalComponents principal_components(const Mat& X, int k) {
    if (k < 1 || k > X.rows()) throw std::invalid_argument("principal_components: k out of 1..inputs");
    Mat C = Mat::Zero(X.rows(), X.rows());
    C.selfadjointView<Eigen::Lower>().rankUpdate(X, 1 / double(X.cols()));  // the lower half: half the work
    const Eigen::SelfAdjointEigenSolver<Mat> solver(C);  // reads the lower half; ascending eigenvalues
    PrincipalComponents out;
    out.vectors = solver.eigenvectors().rightCols(k).rowwise().reverse();
    out.values = solver.eigenvalues().tail(k).reverse();
    return out;
}

// acos(|w.v| / (|w| |v|))
double axis_angle_deg(const Vec& w, const Vec& v) {
    return degrees(std::abs(w.dot(v)) / (w.norm() * v.norm()));
}

// acos(sigma_min(Qa^T Qb))
double subspace_angle_deg(const Mat& A, const Mat& B) {
    if (A.rows() != B.rows() || A.cols() != B.cols())
        throw std::invalid_argument("subspace_angle_deg: the two bases differ in size");
    const Mat overlap = orthonormal_basis(A).transpose() * orthonormal_basis(B);
    return degrees(Eigen::JacobiSVD<Mat>(overlap).singularValues().minCoeff());
}

std::vector<double> component_angles_deg(const Mat& learned, const PrincipalComponents& truth,
                                         double closeness) {
    const int k = int(truth.values.size());
    if (learned.rows() != truth.vectors.rows() || learned.cols() != k)
        throw std::invalid_argument(
            "component_angles_deg: learned components differ in size from the true ones");
    std::vector<double> angles(k);
    for (int first = 0;
         first < k;) {  // the group first..last: each eigenvalue within `closeness` of the next
        int last = first;
        while (last + 1 < k && truth.values(last) - truth.values(last + 1) <= closeness * truth.values(last))
            ++last;
        const int size = last - first + 1;
        const double angle = size == 1 ? axis_angle_deg(learned.col(first), truth.vectors.col(first))
                                       : subspace_angle_deg(learned.middleCols(first, size),
                                                            truth.vectors.middleCols(first, size));
        std::fill(angles.begin() + first, angles.begin() + last + 1, angle);
        first = last + 1;
    }
    return angles;
}

}  // namespace pl
