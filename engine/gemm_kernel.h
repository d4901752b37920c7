// Float products C = A B, A^T B and A B^T in a fixed order: C(i,j) = ((0 + A(i,0) B(0,j)) + A(i,1) B(1,j)) +
// ..., k in order, multiply then add (no FMA), so SSE, wasm SIMD128 and a scalar loop give the same bits.
#pragma once
#include <Eigen/Dense>
#include <vector>

namespace pl {

// The packed operands of one product, owned by the caller and reused: when the sizes repeat, no allocation.
struct GemmPanels {
    std::vector<float> left;   // the rows of A (or A^T), 8 at a time, k-major
    std::vector<float> right;  // the columns of B (or B^T), 4 at a time, k-major
};

// Each writes C, resized only if its size differs. A and B are both packed before C is written, so C may be
// the same matrix as A or B. An expression that is not a plain column-major float block (e.g. w.transpose())
// is copied into a temporary: use the _atb / _abt forms instead. Sizes that do not match throw.
void product_ab(const Eigen::Ref<const Eigen::MatrixXf>& a, const Eigen::Ref<const Eigen::MatrixXf>& b,
                Eigen::MatrixXf& c, GemmPanels& panels);  // C = A B
void product_atb(const Eigen::Ref<const Eigen::MatrixXf>& a, const Eigen::Ref<const Eigen::MatrixXf>& b,
                 Eigen::MatrixXf& c, GemmPanels& panels);  // C = A^T B
void product_abt(const Eigen::Ref<const Eigen::MatrixXf>& a, const Eigen::Ref<const Eigen::MatrixXf>& b,
                 Eigen::MatrixXf& c, GemmPanels& panels);  // C = A B^T

}  // namespace pl
