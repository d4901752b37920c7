// With PL_FIXED_ORDER_PRODUCTS (the browser's build), Eigen's own float products give exactly the kernel's
// bits: A B, A^T B, A B^T, A^T B^T, an update C += s A B and a block of a larger matrix, in shapes that take
// the GEMM path.
#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include "engine/gemm_kernel.h"

namespace {

Eigen::MatrixXf random_matrix(int rows, int cols, unsigned seed) {
    std::srand(seed);
    return Eigen::MatrixXf::Random(rows, cols);
}

}  // namespace

TEST_CASE("Eigen's float products run the fixed-order kernel, bit for bit", "[gemm]") {
    pl::GemmPanels<float> panels;
    for (const auto& [m, k, n] :
         {std::array{256, 784, 64}, std::array{10, 256, 64}, std::array{37, 19, 23}}) {
        INFO(m << "x" << k << " times " << k << "x" << n);
        const Eigen::MatrixXf a = random_matrix(m, k, 1), b = random_matrix(k, n, 2);
        const Eigen::MatrixXf at = a.transpose(), bt = b.transpose();
        Eigen::MatrixXf want;
        pl::product_ab(a, b, want, panels);

        const Eigen::MatrixXf ab = a * b;
        CHECK((ab.array() == want.array()).all());
        Eigen::MatrixXf atb;
        atb.noalias() = at.transpose() * b;
        CHECK((atb.array() == want.array()).all());
        const Eigen::MatrixXf abt = a * bt.transpose();
        CHECK((abt.array() == want.array()).all());
        const Eigen::MatrixXf atbt = at.transpose() * bt.transpose();
        CHECK((atbt.array() == want.array()).all());

        Eigen::MatrixXf c = random_matrix(m, n, 3);
        const Eigen::MatrixXf c0 = c;
        c.noalias() += 2.0f * (a * b);
        CHECK((c.array() == (c0 + 2.0f * want).array()).all());

        Eigen::MatrixXf big = Eigen::MatrixXf::Zero(m + 3, n + 2);
        big.block(1, 2, m, n).noalias() = a * b;
        CHECK((big.block(1, 2, m, n).array() == want.array()).all());
        CHECK(big.col(0).isZero());
    }
}
