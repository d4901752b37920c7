// Eigen's float GEMMs through the fixed-order kernel: op(A) op(B) into a scratch matrix, then res += alpha
// times it.
#include "engine/fixed_order_products.h"
#include "engine/gemm_kernel.h"

namespace pl {

void fixed_order_gemm_add(bool a_transposed, bool b_transposed, long rows, long cols, long depth,
                          const float* a, long a_stride, const float* b, long b_stride, float* res,
                          long res_stride, float alpha) {
    using Stored = Eigen::Map<const Eigen::MatrixXf, 0, Eigen::OuterStride<>>;
    const Stored a_stored(a, a_transposed ? depth : rows, a_transposed ? rows : depth,
                          Eigen::OuterStride<>(a_stride));
    const Stored b_stored(b, b_transposed ? cols : depth, b_transposed ? depth : cols,
                          Eigen::OuterStride<>(b_stride));
    // The kernel's packed panels and its result: scratch kept per thread, so repeated sizes allocate nothing
    thread_local GemmPanels<float> panels;
    thread_local Eigen::MatrixXf product;
    if (!a_transposed && !b_transposed) product_ab(a_stored, b_stored, product, panels);
    if (a_transposed && !b_transposed) product_atb(a_stored, b_stored, product, panels);
    if (!a_transposed && b_transposed) product_abt(a_stored, b_stored, product, panels);
    if (a_transposed && b_transposed)
        product_atb(a_stored, Eigen::MatrixXf(b_stored.transpose()), product, panels);
    Eigen::Map<Eigen::MatrixXf, 0, Eigen::OuterStride<>>(res, rows, cols, Eigen::OuterStride<>(res_stride)) +=
        alpha * product;
}

}  // namespace pl
