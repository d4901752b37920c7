// The fixed-order GEMM, float and double: bit-identical to a sequential loop (its contract) on every shape,
// edge and block, close to Eigen's product; C may be A or B, a NaN stays in its row, bad sizes throw.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include "engine/gemm_kernel.h"
#include "engine/random_streams.h"

using namespace pl;

namespace {

template <class Scalar>
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;

template <class Scalar>
Matrix<Scalar> uniform_matrix(int rows, int cols, uint64_t index) {
    Rng rng = random_stream(1, Stream::Fixed, index);
    Matrix<Scalar> x(rows, cols);
    for (Scalar& v : x.reshaped()) v = Scalar(rng.uniform(-1, 1));
    return x;
}

// C(i,j) = (((0 + A(i,0) B(0,j)) + A(i,1) B(1,j)) + ...); volatile: each product rounded, never an FMA
template <class Scalar>
Matrix<Scalar> sequential_product(const Matrix<Scalar>& a, const Matrix<Scalar>& b) {
    Matrix<Scalar> c(a.rows(), b.cols());
    for (int i = 0; i < a.rows(); ++i)
        for (int j = 0; j < b.cols(); ++j) {
            Scalar sum = 0;
            for (int p = 0; p < a.cols(); ++p) {
                volatile Scalar term = a(i, p) * b(p, j);
                sum = sum + term;
            }
            c(i, j) = sum;
        }
    return c;
}

template <class Scalar>
bool same_bits(const Matrix<Scalar>& x, const Matrix<Scalar>& y) {
    return x.rows() == y.rows() && x.cols() == y.cols() &&
           (x.size() == 0 || std::memcmp(x.data(), y.data(), sizeof(Scalar) * size_t(x.size())) == 0);
}

// |C - AB| <= 1e-5 |A| |B| entry by entry in float (1e-12 in double): relative to the sum of the terms' sizes
template <class Scalar>
bool close_to_eigen(const Matrix<Scalar>& c, const Matrix<Scalar>& a, const Matrix<Scalar>& b) {
    const Scalar relative = sizeof(Scalar) == sizeof(float) ? Scalar(1e-5) : Scalar(1e-12);
    const Matrix<Scalar> expected = a * b;
    const Matrix<Scalar> scale = a.cwiseAbs() * b.cwiseAbs();
    return c.rows() == expected.rows() && c.cols() == expected.cols() &&
           ((c - expected).cwiseAbs().array() <= relative * scale.array()).all();
}

// the three products on A (m x k) and B (k x n), each against Eigen and the sequential loop
template <class Scalar>
void check_shape(int m, int k, int n, uint64_t index) {
    const Matrix<Scalar> a = uniform_matrix<Scalar>(m, k, 2 * index),
                         b = uniform_matrix<Scalar>(k, n, 2 * index + 1);
    const Matrix<Scalar> at = a.transpose(), bt = b.transpose();
    const Matrix<Scalar> sequential = sequential_product(a, b);
    GemmPanels<Scalar> panels;
    Matrix<Scalar> c =
        Matrix<Scalar>::Constant(3, 2, 7);  // a wrong size and stale values: resized and overwritten
    product_ab(a, b, c, panels);
    CHECK(same_bits(c, sequential));
    CHECK(close_to_eigen(c, a, b));
    product_atb(at, b, c, panels);
    CHECK(same_bits(c, sequential));
    product_abt(a, bt, c, panels);
    CHECK(same_bits(c, sequential));
}

}  // namespace

TEMPLATE_TEST_CASE("gemm kernel: every small shape and edge equals the sequential loop bit for bit", "[gemm]",
                   float, double) {
    const int sizes[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 16, 17, 31, 33};
    const int depths[] = {0, 1, 2, 5, 17, 64};
    uint64_t index = 0;
    for (int m : sizes)
        for (int n : sizes)
            for (int k : depths) {
                INFO("m " << m << ", k " << k << ", n " << n);
                check_shape<TestType>(m, k, n, index++);
            }
}

TEMPLATE_TEST_CASE("gemm kernel: the MLP's shapes equal the sequential loop bit for bit", "[gemm]", float,
                   double) {
    check_shape<TestType>(256, 784, 64, 1000);  // W1 x
    check_shape<TestType>(784, 256, 64, 1001);  // W1^T g
    check_shape<TestType>(256, 64, 784, 1002);  // g x^T
    check_shape<TestType>(10, 256, 64, 1003);   // W2 h
}

TEMPLATE_TEST_CASE("gemm kernel: k = 0 gives zeros, empty products give empty matrices", "[gemm]", float,
                   double) {
    using M = Matrix<TestType>;
    GemmPanels<TestType> panels;
    M c = M::Constant(5, 6, 7);
    product_ab(M(5, 0), M(0, 6), c, panels);
    REQUIRE(c.rows() == 5);
    REQUIRE(c.cols() == 6);
    REQUIRE((c.array() == 0).all());
    product_ab(M(0, 3), M(3, 4), c, panels);
    REQUIRE(c.rows() == 0);
    REQUIRE(c.cols() == 4);
    product_abt(M(2, 3), M(0, 3), c, panels);
    REQUIRE(c.rows() == 2);
    REQUIRE(c.cols() == 0);
}

TEMPLATE_TEST_CASE("gemm kernel: sizes that repeat reuse C and the panels (no allocation)", "[gemm]", float,
                   double) {
    const Matrix<TestType> a = uniform_matrix<TestType>(37, 50, 1), b = uniform_matrix<TestType>(50, 21, 2);
    GemmPanels<TestType> panels;
    Matrix<TestType> c;
    product_ab(a, b, c, panels);
    const TestType *c_data = c.data(), *left = panels.left.data(), *right = panels.right.data();
    product_ab(a, b, c, panels);
    REQUIRE(c.data() == c_data);
    REQUIRE(panels.left.data() == left);
    REQUIRE(panels.right.data() == right);
}

TEMPLATE_TEST_CASE("gemm kernel: blocks of larger matrices (an outer stride) give the bits of their copies",
                   "[gemm]", float, double) {
    using M = Matrix<TestType>;
    const M big_a = uniform_matrix<TestType>(20, 30, 8), big_b = uniform_matrix<TestType>(30, 25, 9);
    const M a = big_a.block(3, 2, 17, 9), b = big_b.block(5, 4, 17, 11);
    GemmPanels<TestType> panels;
    M from_blocks, from_copies;
    product_atb(big_a.block(3, 2, 17, 9), big_b.block(5, 4, 17, 11), from_blocks, panels);
    product_atb(a, b, from_copies, panels);
    REQUIRE(same_bits(from_blocks, from_copies));
    REQUIRE(same_bits<TestType>(from_blocks, sequential_product<TestType>(a.transpose(), b)));
    product_ab(big_a.block(3, 2, 17, 9), big_b.block(7, 4, 9, 11), from_blocks, panels);
    REQUIRE(same_bits<TestType>(from_blocks, sequential_product<TestType>(a, big_b.block(7, 4, 9, 11))));
}

TEMPLATE_TEST_CASE("gemm kernel: C may be A or B (both are packed before C is written)", "[gemm]", float,
                   double) {
    using M = Matrix<TestType>;
    const M a = uniform_matrix<TestType>(13, 13, 3), b = uniform_matrix<TestType>(13, 13, 4);
    GemmPanels<TestType> panels;
    M expected;
    product_ab(a, b, expected, panels);
    M c = a;
    product_ab(c, b, c, panels);  // C = C B
    REQUIRE(same_bits(c, expected));
    c = b;
    product_ab(a, c, c, panels);  // C = A C
    REQUIRE(same_bits(c, expected));
    M wide = uniform_matrix<TestType>(13, 20, 5);  // C = A^T C with a new size: packed before C is resized
    const M wide_expected = sequential_product<TestType>(a.transpose(), wide);
    product_atb(a, wide, wide, panels);
    REQUIRE(same_bits(wide, wide_expected));
}

TEMPLATE_TEST_CASE("gemm kernel: a NaN in A(i, p) makes row i NaN and leaves the other rows as they were",
                   "[gemm]", float, double) {
    Matrix<TestType> a = uniform_matrix<TestType>(11, 9, 6);
    const Matrix<TestType> b = uniform_matrix<TestType>(9, 6, 7);
    a(4, 3) = std::numeric_limits<TestType>::quiet_NaN();
    GemmPanels<TestType> panels;
    Matrix<TestType> c;
    product_ab(a, b, c, panels);
    const Matrix<TestType> sequential = sequential_product(a, b);
    for (int i = 0; i < c.rows(); ++i)
        for (int j = 0; j < c.cols(); ++j) {
            INFO("C(" << i << ", " << j << ")");
            if (i == 4)
                CHECK(std::isnan(c(i, j)));
            else
                CHECK(c(i, j) == sequential(i, j));
        }
}

TEST_CASE("gemm kernel: inner sizes that differ throw, naming the product and both sizes", "[gemm]") {
    GemmPanels<float> panels;
    Eigen::MatrixXf c;
    REQUIRE_THROWS_WITH(product_ab(Eigen::MatrixXf(2, 3), Eigen::MatrixXf(4, 5), c, panels),
                        Catch::Contains("product_ab") && Catch::Contains("2x3") && Catch::Contains("4x5"));
    REQUIRE_THROWS_AS(product_atb(Eigen::MatrixXf(2, 3), Eigen::MatrixXf(3, 2), c, panels),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(product_abt(Eigen::MatrixXf(2, 3), Eigen::MatrixXf(3, 2), c, panels),
                      std::invalid_argument);
    GemmPanels<double> double_panels;
    Eigen::MatrixXd double_c;
    REQUIRE_THROWS_AS(product_ab(Eigen::MatrixXd(2, 3), Eigen::MatrixXd(4, 5), double_c, double_panels),
                      std::invalid_argument);
}
