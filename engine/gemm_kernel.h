// Products C = A B, A^T B and A B^T in a fixed order: C(i,j) = ((0 + A(i,0) B(0,j)) + A(i,1) B(1,j)) + ...,
// k in order, multiply then add (no FMA), so SSE, wasm SIMD128 and a scalar loop give the same bits.
#pragma once
#include <Eigen/Dense>
#include <type_traits>
#include <vector>

namespace pl {

// The packed operands of one product, owned by the caller and reused: when the sizes repeat, no allocation.
template <class Scalar>
struct GemmPanels {
    std::vector<Scalar> left;   // the rows of A (or A^T), 8 (float) or 4 (double) at a time, k-major
    std::vector<Scalar> right;  // the columns of B (or B^T), 4 at a time, k-major
};

template <class Scalar>
using GemmMatrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
template <class Scalar>  // an operand: Scalar is taken from C, so any matrix or block of Scalars converts
using GemmOperand = Eigen::Ref<const GemmMatrix<std::type_identity_t<Scalar>>>;

// Each writes C, resized only if its size differs. A and B are both packed before C is written, so C may be
// the same matrix as A or B. An expression that is not a plain column-major block (e.g. w.transpose()) is
// copied into a temporary: use the _atb / _abt forms instead. Inner sizes that differ throw. For float, and
// double (the gradient checks).
template <class Scalar>
void product_ab(const GemmOperand<Scalar>& a, const GemmOperand<Scalar>& b, GemmMatrix<Scalar>& c,
                GemmPanels<Scalar>& panels);  // C = A B
template <class Scalar>
void product_atb(const GemmOperand<Scalar>& a, const GemmOperand<Scalar>& b, GemmMatrix<Scalar>& c,
                 GemmPanels<Scalar>& panels);  // C = A^T B
template <class Scalar>
void product_abt(const GemmOperand<Scalar>& a, const GemmOperand<Scalar>& b, GemmMatrix<Scalar>& c,
                 GemmPanels<Scalar>& panels);  // C = A B^T

}  // namespace pl
