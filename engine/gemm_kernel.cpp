// Fixed-order float GEMM: both operands packed into k-major panels, then one 8x4 block of C per micro-kernel
// with k innermost and four rows of C per vector (GCC/Clang vector extensions: SSE on x86-64, SIMD128 in
// wasm). Built with -ffp-contract=off (engine/CMakeLists.txt): a multiply and an add are never fused.
#include "engine/gemm_kernel.h"
#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace pl {

namespace {

typedef float f32x4 __attribute__((vector_size(16)));
constexpr int kLanes = 4;
constexpr int kBlockRows = 8;  // rows of C per micro-kernel
constexpr int kBlockCols = 4;  // columns of C per micro-kernel
constexpr int kRowVectors = kBlockRows / kLanes;

f32x4 load(const float* from) {
    f32x4 v;
    std::memcpy(&v, from, sizeof v);
    return v;
}

// panels = x's rows, Rows at a time, each a Rows x k column-major block; the last one padded with zero rows
template <int Rows, class Matrix>
void pack(const Eigen::MatrixBase<Matrix>& x, std::vector<float>& panels) {
    const Eigen::Index k = x.cols(), count = (x.rows() + Rows - 1) / Rows;
    panels.resize(size_t(count * Rows * k));
    for (Eigen::Index q = 0; q < count; ++q) {
        Eigen::Map<Eigen::Matrix<float, Rows, Eigen::Dynamic>> panel(panels.data() + q * Rows * k, Rows, k);
        const Eigen::Index rows = std::min<Eigen::Index>(Rows, x.rows() - q * Rows);
        if (rows == Rows) {
            panel = x.template middleRows<Rows>(q * Rows);  // fixed size: Eigen's vectorised copy
        } else {
            panel.setZero();
            panel.topRows(rows) = x.middleRows(q * Rows, rows);
        }
    }
}

// out(r, c) = (((0 + left(r, 0) right(c, 0)) + left(r, 1) right(c, 1)) + ...) over p = 0..k-1 in order for
// the top 4 * RowVectors rows of the 8x4 block at out (column c at out + c * stride); the sums in local
// vectors (registers) until the end. RowVectors = 1 for a last panel of at most 4 rows.
template <int RowVectors>
void micro_kernel(const float* left, const float* right, Eigen::Index k, float* out, Eigen::Index stride) {
    f32x4 acc[kBlockCols][RowVectors];  // acc[c][v]: rows 4v..4v+3 of column c
    for (auto& column : acc)
        for (f32x4& v : column) v = f32x4{0, 0, 0, 0};
    for (const float* end = left + k * kBlockRows; left != end; left += kBlockRows, right += kBlockCols) {
        f32x4 a[RowVectors];
        for (int v = 0; v < RowVectors; ++v) a[v] = load(left + v * kLanes);
        for (int c = 0; c < kBlockCols; ++c) {
            const f32x4 splat = {right[c], right[c], right[c], right[c]};
            for (int v = 0; v < RowVectors; ++v) acc[c][v] = acc[c][v] + a[v] * splat;
        }
    }
    for (int c = 0; c < kBlockCols; ++c)
        for (int v = 0; v < RowVectors; ++v)
            std::memcpy(out + c * stride + v * kLanes, &acc[c][v], sizeof(f32x4));
}

// C = L R^T for L (m x k) and R (n x k), block by block: a whole block straight into C, one on C's lower or
// right edge through a local block
template <class Left, class Right>
void product(const Eigen::MatrixBase<Left>& l, const Eigen::MatrixBase<Right>& r, Eigen::MatrixXf& c,
             GemmPanels& panels) {
    pack<kBlockRows>(l, panels.left);  // before C is written: C may be A or B
    pack<kBlockCols>(r, panels.right);
    const Eigen::Index m = l.rows(), n = r.rows(), k = l.cols();
    if (c.rows() != m || c.cols() != n) c.resize(m, n);
    Eigen::Matrix<float, kBlockRows, kBlockCols> edge;
    for (Eigen::Index j = 0; j < n; j += kBlockCols) {
        for (Eigen::Index i = 0; i < m; i += kBlockRows) {
            const float *left = panels.left.data() + i * k, *right = panels.right.data() + j * k;
            const Eigen::Index rows = std::min<Eigen::Index>(kBlockRows, m - i);
            const Eigen::Index cols = std::min<Eigen::Index>(kBlockCols, n - j);
            if (rows == kBlockRows && cols == kBlockCols) {
                micro_kernel<kRowVectors>(left, right, k, &c(i, j), m);
                continue;
            }
            if (rows <= kLanes)
                micro_kernel<1>(left, right, k, edge.data(), kBlockRows);
            else
                micro_kernel<kRowVectors>(left, right, k, edge.data(), kBlockRows);
            c.block(i, j, rows, cols) = edge.topLeftCorner(rows, cols);
        }
    }
}

std::string size(const Eigen::Ref<const Eigen::MatrixXf>& x) {
    return std::to_string(x.rows()) + "x" + std::to_string(x.cols());
}

// throws unless the two inner sizes of the product `name` agree
void require_inner(const char* name, const Eigen::Ref<const Eigen::MatrixXf>& a,
                   const Eigen::Ref<const Eigen::MatrixXf>& b, Eigen::Index a_inner, Eigen::Index b_inner) {
    if (a_inner != b_inner)
        throw std::invalid_argument(std::string(name) + ": A is " + size(a) + " and B is " + size(b) +
                                    ", the inner sizes differ");
}

}  // namespace

void product_ab(const Eigen::Ref<const Eigen::MatrixXf>& a, const Eigen::Ref<const Eigen::MatrixXf>& b,
                Eigen::MatrixXf& c, GemmPanels& panels) {
    require_inner("product_ab (A B)", a, b, a.cols(), b.rows());
    product(a, b.transpose(), c, panels);
}

void product_atb(const Eigen::Ref<const Eigen::MatrixXf>& a, const Eigen::Ref<const Eigen::MatrixXf>& b,
                 Eigen::MatrixXf& c, GemmPanels& panels) {
    require_inner("product_atb (A^T B)", a, b, a.rows(), b.rows());
    product(a.transpose(), b.transpose(), c, panels);
}

void product_abt(const Eigen::Ref<const Eigen::MatrixXf>& a, const Eigen::Ref<const Eigen::MatrixXf>& b,
                 Eigen::MatrixXf& c, GemmPanels& panels) {
    require_inner("product_abt (A B^T)", a, b, a.cols(), b.cols());
    product(a, b, c, panels);
}

}  // namespace pl
