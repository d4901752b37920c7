// Where PL_FIXED_ORDER_PRODUCTS is defined (the browser build), every float product that Eigen computes as a
// GEMM runs the fixed-order kernel of engine/gemm_kernel.h. CMake force-includes this header into every file.
#pragma once
#include <Eigen/Core>

namespace pl {

// res (rows x cols, column stride res_stride) += alpha op(A) op(B), where op(X) = X^T when X is stored
// row-major (X_transposed): A is rows x depth and B depth x cols after op. The product is the kernel's, in
// its fixed order.
void fixed_order_gemm_add(bool a_transposed, bool b_transposed, long rows, long cols, long depth,
                          const float* a, long a_stride, const float* b, long b_stride, float* res,
                          long res_stride, float alpha);

}  // namespace pl

#ifdef PL_FIXED_ORDER_PRODUCTS
namespace Eigen::internal {

// Eigen's GEMM entry for a float column-major result (as Eigen's own BLAS binding,
// GeneralMatrixMatrix_BLAS.h, specialises it): Eigen has already reduced transposes to storage orders and
// scalar factors to alpha.
template <typename Index, int LhsStorageOrder, bool ConjugateLhs, int RhsStorageOrder, bool ConjugateRhs>
struct general_matrix_matrix_product<Index, float, LhsStorageOrder, ConjugateLhs, float, RhsStorageOrder,
                                     ConjugateRhs, ColMajor, 1> {
    typedef gebp_traits<float, float> Traits;  // what Eigen's gemm_functor reads for its blocking
    static void run(Index rows, Index cols, Index depth, const float* lhs, Index lhs_stride, const float* rhs,
                    Index rhs_stride, float* res, Index /*res_incr*/, Index res_stride, float alpha,
                    level3_blocking<float, float>& /*blocking*/, GemmParallelInfo<Index>* /*info*/) {
        pl::fixed_order_gemm_add(LhsStorageOrder == RowMajor, RhsStorageOrder == RowMajor, rows, cols, depth,
                                 lhs, lhs_stride, rhs, rhs_stride, res, res_stride, alpha);
    }
};

}  // namespace Eigen::internal
#endif
