// Where PL_FIXED_ORDER_PRODUCTS is defined (the reference arithmetic: the browser, the tests), every float or
// double product that Eigen computes as a GEMM runs the fixed-order kernel of engine/gemm_kernel.h.
#pragma once
#include <Eigen/Core>

namespace pl {

// res (rows x cols, column stride res_stride) += alpha op(A) op(B), where op(X) = X^T when X is stored
// row-major (X_transposed): A is rows x depth and B depth x cols after op. The product is the kernel's, in
// its fixed order. For Scalar float and double.
template <class Scalar>
void fixed_order_gemm_add(bool a_transposed, bool b_transposed, long rows, long cols, long depth,
                          const Scalar* a, long a_stride, const Scalar* b, long b_stride, Scalar* res,
                          long res_stride, Scalar alpha);

}  // namespace pl

#ifdef PL_FIXED_ORDER_PRODUCTS
namespace Eigen::internal {

// Eigen's GEMM entry for a column-major result (as Eigen's own BLAS binding, GeneralMatrixMatrix_BLAS.h,
// specialises it): Eigen has already reduced transposes to storage orders and scalar factors to alpha.
template <typename Scalar, typename Index, int LhsStorageOrder, bool ConjugateLhs, int RhsStorageOrder,
          bool ConjugateRhs>
struct fixed_order_gemm {
    typedef gebp_traits<Scalar, Scalar> Traits;  // what Eigen's gemm_functor reads for its blocking
    static void run(Index rows, Index cols, Index depth, const Scalar* lhs, Index lhs_stride,
                    const Scalar* rhs, Index rhs_stride, Scalar* res, Index /*res_incr*/, Index res_stride,
                    Scalar alpha, level3_blocking<Scalar, Scalar>& /*blocking*/,
                    GemmParallelInfo<Index>* /*info*/) {
        pl::fixed_order_gemm_add(LhsStorageOrder == RowMajor, RhsStorageOrder == RowMajor, rows, cols, depth,
                                 lhs, lhs_stride, rhs, rhs_stride, res, res_stride, alpha);
    }
};

template <typename Index, int LhsStorageOrder, bool ConjugateLhs, int RhsStorageOrder, bool ConjugateRhs>
struct general_matrix_matrix_product<Index, float, LhsStorageOrder, ConjugateLhs, float, RhsStorageOrder,
                                     ConjugateRhs, ColMajor, 1>
    : fixed_order_gemm<float, Index, LhsStorageOrder, ConjugateLhs, RhsStorageOrder, ConjugateRhs> {};

template <typename Index, int LhsStorageOrder, bool ConjugateLhs, int RhsStorageOrder, bool ConjugateRhs>
struct general_matrix_matrix_product<Index, double, LhsStorageOrder, ConjugateLhs, double, RhsStorageOrder,
                                     ConjugateRhs, ColMajor, 1>
    : fixed_order_gemm<double, Index, LhsStorageOrder, ConjugateLhs, RhsStorageOrder, ConjugateRhs> {};

}  // namespace Eigen::internal
#endif
