// Eigen's GEMMs through the fixed-order kernel: op(A) op(B) into a scratch matrix, then res += alpha times
// it.
#include "engine/fixed_order_products.h"
#include "engine/gemm_kernel.h"

namespace pl {

template <class Scalar>
void fixed_order_gemm_add(bool a_transposed, bool b_transposed, long rows, long cols, long depth,
                          const Scalar* a, long a_stride, const Scalar* b, long b_stride, Scalar* res,
                          long res_stride, Scalar alpha) {
    using Matrix = GemmMatrix<Scalar>;
    using Stored = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;
    const Stored a_stored(a, a_transposed ? depth : rows, a_transposed ? rows : depth,
                          Eigen::OuterStride<>(a_stride));
    const Stored b_stored(b, b_transposed ? cols : depth, b_transposed ? depth : cols,
                          Eigen::OuterStride<>(b_stride));
    // The kernel's packed panels and its result: scratch kept per thread, so repeated sizes allocate nothing
    thread_local GemmPanels<Scalar> panels;
    thread_local Matrix product;
    if (!a_transposed && !b_transposed) product_ab<Scalar>(a_stored, b_stored, product, panels);
    if (a_transposed && !b_transposed) product_atb<Scalar>(a_stored, b_stored, product, panels);
    if (!a_transposed && b_transposed) product_abt<Scalar>(a_stored, b_stored, product, panels);
    if (a_transposed && b_transposed)
        product_atb<Scalar>(a_stored, Matrix(b_stored.transpose()), product, panels);
    Eigen::Map<Matrix, 0, Eigen::OuterStride<>>(res, rows, cols, Eigen::OuterStride<>(res_stride)) +=
        alpha * product;
}

template void fixed_order_gemm_add<float>(bool, bool, long, long, long, const float*, long, const float*,
                                          long, float*, long, float);
template void fixed_order_gemm_add<double>(bool, bool, long, long, long, const double*, long, const double*,
                                           long, double*, long, double);

}  // namespace pl
