// With PL_FIXED_ORDER_PRODUCTS (the reference arithmetic), Eigen's own float and double products give exactly
// the kernel's bits: A B, A^T B, A B^T, A^T B^T, an update C += s A B and a block of a larger matrix, in
// shapes that take the GEMM path.
#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include "engine/gemm_kernel.h"

namespace {

template <class Scalar>
pl::GemmMatrix<Scalar> random_matrix(int rows, int cols, unsigned seed) {
    std::srand(seed);
    return pl::GemmMatrix<Scalar>::Random(rows, cols);
}

}  // namespace

TEMPLATE_TEST_CASE("Eigen's products run the fixed-order kernel, bit for bit", "[gemm]", float, double) {
    using Matrix = pl::GemmMatrix<TestType>;
    const TestType two = 2;
    pl::GemmPanels<TestType> panels;
    for (const auto& [m, k, n] :
         {std::array{256, 784, 64}, std::array{10, 256, 64}, std::array{37, 19, 23}}) {
        INFO(m << "x" << k << " times " << k << "x" << n);
        const Matrix a = random_matrix<TestType>(m, k, 1), b = random_matrix<TestType>(k, n, 2);
        const Matrix at = a.transpose(), bt = b.transpose();
        Matrix want;
        pl::product_ab(a, b, want, panels);

        const Matrix ab = a * b;
        CHECK((ab.array() == want.array()).all());
        Matrix atb;
        atb.noalias() = at.transpose() * b;
        CHECK((atb.array() == want.array()).all());
        const Matrix abt = a * bt.transpose();
        CHECK((abt.array() == want.array()).all());
        const Matrix atbt = at.transpose() * bt.transpose();
        CHECK((atbt.array() == want.array()).all());

        Matrix c = random_matrix<TestType>(m, n, 3);
        const Matrix c0 = c;
        c.noalias() += two * (a * b);
        CHECK((c.array() == (c0 + two * want).array()).all());

        Matrix big = Matrix::Zero(m + 3, n + 2);
        big.block(1, 2, m, n).noalias() = a * b;
        CHECK((big.block(1, 2, m, n).array() == want.array()).all());
        CHECK(big.col(0).isZero());
    }
}
