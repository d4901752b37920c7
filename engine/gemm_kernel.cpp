// Fixed-order GEMM: both operands packed into k-major panels, then one block of C (two vectors of rows x 4
// columns: 8x4 in float, 4x4 in double) per micro-kernel with k innermost (GCC/Clang vector extensions: SSE
// on x86-64, SIMD128 in wasm). Built with -ffp-contract=off (engine/CMakeLists.txt): a multiply and an add
// are never fused.
#include "engine/gemm_kernel.h"
#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace pl {

namespace {

// 16 bytes of a Scalar (4 floats or 2 doubles), and one Scalar in every lane
template <class Scalar>
struct Simd;
template <>
struct Simd<float> {
    typedef float Vector __attribute__((vector_size(16)));
    static Vector splat(float x) { return Vector{x, x, x, x}; }
};
template <>
struct Simd<double> {
    typedef double Vector __attribute__((vector_size(16)));
    static Vector splat(double x) { return Vector{x, x}; }
};
template <class Scalar>
using Vector = typename Simd<Scalar>::Vector;
template <class Scalar>
constexpr int kLanes = 16 / sizeof(Scalar);
constexpr int kRowVectors = 2;  // vectors of rows of C per micro-kernel
template <class Scalar>
constexpr int rows_per_block() {  // rows of C per micro-kernel
    return kRowVectors * kLanes<Scalar>;
}
constexpr int kBlockCols = 4;  // columns of C per micro-kernel

template <class Scalar>
Vector<Scalar> load(const Scalar* from) {
    Vector<Scalar> v;
    std::memcpy(&v, from, sizeof v);
    return v;
}

// panels = x's rows, Rows at a time, each a Rows x k column-major block; the last one padded with zero rows
template <int Rows, class Expression>
void pack(const Eigen::MatrixBase<Expression>& x, std::vector<typename Expression::Scalar>& panels) {
    using Panel = Eigen::Matrix<typename Expression::Scalar, Rows, Eigen::Dynamic>;
    const Eigen::Index k = x.cols(), count = (x.rows() + Rows - 1) / Rows;
    // grows only: panels serves products of every shape in turn, and growing again would zero-fill
    if (panels.size() < size_t(count * Rows * k)) panels.resize(size_t(count * Rows * k));
    for (Eigen::Index q = 0; q < count; ++q) {
        Eigen::Map<Panel> panel(panels.data() + q * Rows * k, Rows, k);
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
// the top RowVectors vectors of rows of the block at out (column c at out + c * stride); the sums in local
// vectors (registers) until the end. RowVectors = 1 for a last panel of at most one vector of rows.
template <int RowVectors, class Scalar>
void micro_kernel(const Scalar* left, const Scalar* right, Eigen::Index k, Scalar* out, Eigen::Index stride) {
    constexpr int lanes = kLanes<Scalar>, block_rows = rows_per_block<Scalar>();
    Vector<Scalar> acc[kBlockCols][RowVectors];  // acc[c][v]: rows v*lanes.. of column c
    for (auto& column : acc)
        for (Vector<Scalar>& v : column) v = Vector<Scalar>{};
    for (const Scalar* end = left + k * block_rows; left != end; left += block_rows, right += kBlockCols) {
        Vector<Scalar> a[RowVectors];
        for (int v = 0; v < RowVectors; ++v) a[v] = load(left + v * lanes);
        for (int c = 0; c < kBlockCols; ++c) {
            const Vector<Scalar> splat = Simd<Scalar>::splat(right[c]);
            for (int v = 0; v < RowVectors; ++v) acc[c][v] = acc[c][v] + a[v] * splat;
        }
    }
    for (int c = 0; c < kBlockCols; ++c)
        for (int v = 0; v < RowVectors; ++v)
            std::memcpy(out + c * stride + v * lanes, &acc[c][v], sizeof(Vector<Scalar>));
}

// C = L R^T for L (m x k) and R (n x k), block by block: a whole block straight into C, one on C's lower or
// right edge through a local block
template <class Left, class Right, class Scalar>
void product(const Eigen::MatrixBase<Left>& l, const Eigen::MatrixBase<Right>& r, GemmMatrix<Scalar>& c,
             GemmPanels<Scalar>& panels) {
    constexpr int block_rows = rows_per_block<Scalar>();
    pack<block_rows>(l, panels.left);  // before C is written: C may be A or B
    pack<kBlockCols>(r, panels.right);
    const Eigen::Index m = l.rows(), n = r.rows(), k = l.cols();
    if (c.rows() != m || c.cols() != n) c.resize(m, n);
    Eigen::Matrix<Scalar, block_rows, kBlockCols> edge;
    for (Eigen::Index j = 0; j < n; j += kBlockCols) {
        for (Eigen::Index i = 0; i < m; i += block_rows) {
            const Scalar *left = panels.left.data() + i * k, *right = panels.right.data() + j * k;
            const Eigen::Index rows = std::min<Eigen::Index>(block_rows, m - i);
            const Eigen::Index cols = std::min<Eigen::Index>(kBlockCols, n - j);
            if (rows == block_rows && cols == kBlockCols) {
                micro_kernel<kRowVectors>(left, right, k, &c(i, j), m);
                continue;
            }
            if (rows <= kLanes<Scalar>)
                micro_kernel<1>(left, right, k, edge.data(), block_rows);
            else
                micro_kernel<kRowVectors>(left, right, k, edge.data(), block_rows);
            c.block(i, j, rows, cols) = edge.topLeftCorner(rows, cols);
        }
    }
}

// throws unless the two inner sizes of the product `name` agree
template <class Scalar>
void require_inner(const char* name, const GemmOperand<Scalar>& a, const GemmOperand<Scalar>& b,
                   Eigen::Index a_inner, Eigen::Index b_inner) {
    const auto size = [](const GemmOperand<Scalar>& x) {
        return std::to_string(x.rows()) + "x" + std::to_string(x.cols());
    };
    if (a_inner != b_inner)
        throw std::invalid_argument(std::string(name) + ": A is " + size(a) + " and B is " + size(b) +
                                    ", the inner sizes differ");
}

}  // namespace

template <class Scalar>
void product_ab(const GemmOperand<Scalar>& a, const GemmOperand<Scalar>& b, GemmMatrix<Scalar>& c,
                GemmPanels<Scalar>& panels) {
    require_inner<Scalar>("product_ab (A B)", a, b, a.cols(), b.rows());
    product(a, b.transpose(), c, panels);
}

template <class Scalar>
void product_atb(const GemmOperand<Scalar>& a, const GemmOperand<Scalar>& b, GemmMatrix<Scalar>& c,
                 GemmPanels<Scalar>& panels) {
    require_inner<Scalar>("product_atb (A^T B)", a, b, a.rows(), b.rows());
    product(a.transpose(), b.transpose(), c, panels);
}

template <class Scalar>
void product_abt(const GemmOperand<Scalar>& a, const GemmOperand<Scalar>& b, GemmMatrix<Scalar>& c,
                 GemmPanels<Scalar>& panels) {
    require_inner<Scalar>("product_abt (A B^T)", a, b, a.cols(), b.cols());
    product(a, b, c, panels);
}

template void product_ab<float>(const GemmOperand<float>&, const GemmOperand<float>&, GemmMatrix<float>&,
                                GemmPanels<float>&);
template void product_atb<float>(const GemmOperand<float>&, const GemmOperand<float>&, GemmMatrix<float>&,
                                 GemmPanels<float>&);
template void product_abt<float>(const GemmOperand<float>&, const GemmOperand<float>&, GemmMatrix<float>&,
                                 GemmPanels<float>&);
template void product_ab<double>(const GemmOperand<double>&, const GemmOperand<double>&, GemmMatrix<double>&,
                                 GemmPanels<double>&);
template void product_atb<double>(const GemmOperand<double>&, const GemmOperand<double>&, GemmMatrix<double>&,
                                  GemmPanels<double>&);
template void product_abt<double>(const GemmOperand<double>&, const GemmOperand<double>&, GemmMatrix<double>&,
                                  GemmPanels<double>&);

}  // namespace pl
