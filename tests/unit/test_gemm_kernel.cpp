// The fixed-order GEMM: bit-identical to a sequential scalar loop (its contract) on every shape, edge and
// block, close to Eigen's product; C may be A or B, a NaN stays in its row, inner sizes that differ throw.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include "engine/gemm_kernel.h"
#include "engine/random_streams.h"

using namespace pl;
using Eigen::MatrixXf;

namespace {

MatrixXf uniform_matrix(int rows, int cols, uint64_t index) {
    Rng rng = random_stream(1, Stream::Fixed, index);
    MatrixXf x(rows, cols);
    for (float& v : x.reshaped()) v = float(rng.uniform(-1, 1));
    return x;
}

// C(i,j) = (((0 + A(i,0) B(0,j)) + A(i,1) B(1,j)) + ...); volatile: each product rounded to float, never an
// FMA
MatrixXf sequential_product(const MatrixXf& a, const MatrixXf& b) {
    MatrixXf c(a.rows(), b.cols());
    for (int i = 0; i < a.rows(); ++i)
        for (int j = 0; j < b.cols(); ++j) {
            float sum = 0;
            for (int p = 0; p < a.cols(); ++p) {
                volatile float term = a(i, p) * b(p, j);
                sum = sum + term;
            }
            c(i, j) = sum;
        }
    return c;
}

bool same_bits(const MatrixXf& x, const MatrixXf& y) {
    return x.rows() == y.rows() && x.cols() == y.cols() &&
           (x.size() == 0 || std::memcmp(x.data(), y.data(), sizeof(float) * size_t(x.size())) == 0);
}

// |C - AB| <= 1e-5 |A| |B| entry by entry (relative to the sum of the terms' sizes)
bool close_to_eigen(const MatrixXf& c, const MatrixXf& a, const MatrixXf& b) {
    const MatrixXf expected = a * b;
    const MatrixXf scale = a.cwiseAbs() * b.cwiseAbs();
    return c.rows() == expected.rows() && c.cols() == expected.cols() &&
           ((c - expected).cwiseAbs().array() <= 1e-5f * scale.array()).all();
}

// the three products on A (m x k) and B (k x n), each against Eigen and the sequential loop
void check_shape(int m, int k, int n, uint64_t index) {
    const MatrixXf a = uniform_matrix(m, k, 2 * index), b = uniform_matrix(k, n, 2 * index + 1);
    const MatrixXf at = a.transpose(), bt = b.transpose();
    const MatrixXf sequential = sequential_product(a, b);
    GemmPanels panels;
    MatrixXf c = MatrixXf::Constant(3, 2, 7.0f);  // a wrong size and stale values: resized and overwritten
    product_ab(a, b, c, panels);
    CHECK(same_bits(c, sequential));
    CHECK(close_to_eigen(c, a, b));
    product_atb(at, b, c, panels);
    CHECK(same_bits(c, sequential));
    product_abt(a, bt, c, panels);
    CHECK(same_bits(c, sequential));
}

}  // namespace

TEST_CASE("gemm kernel: every small shape and edge equals the sequential loop bit for bit", "[gemm]") {
    const int sizes[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 16, 17, 31, 33};
    const int depths[] = {0, 1, 2, 5, 17, 64};
    uint64_t index = 0;
    for (int m : sizes)
        for (int n : sizes)
            for (int k : depths) {
                INFO("m " << m << ", k " << k << ", n " << n);
                check_shape(m, k, n, index++);
            }
}

TEST_CASE("gemm kernel: the MLP's shapes equal the sequential loop bit for bit", "[gemm]") {
    check_shape(256, 784, 64, 1000);  // W1 x
    check_shape(784, 256, 64, 1001);  // W1^T g
    check_shape(256, 64, 784, 1002);  // g x^T
    check_shape(10, 256, 64, 1003);   // W2 h
}

TEST_CASE("gemm kernel: k = 0 gives zeros, empty products give empty matrices", "[gemm]") {
    GemmPanels panels;
    MatrixXf c = MatrixXf::Constant(5, 6, 7.0f);
    product_ab(MatrixXf(5, 0), MatrixXf(0, 6), c, panels);
    REQUIRE(c.rows() == 5);
    REQUIRE(c.cols() == 6);
    REQUIRE((c.array() == 0.0f).all());
    product_ab(MatrixXf(0, 3), MatrixXf(3, 4), c, panels);
    REQUIRE(c.rows() == 0);
    REQUIRE(c.cols() == 4);
    product_abt(MatrixXf(2, 3), MatrixXf(0, 3), c, panels);
    REQUIRE(c.rows() == 2);
    REQUIRE(c.cols() == 0);
}

TEST_CASE("gemm kernel: sizes that repeat reuse C and the panels (no allocation)", "[gemm]") {
    const MatrixXf a = uniform_matrix(37, 50, 1), b = uniform_matrix(50, 21, 2);
    GemmPanels panels;
    MatrixXf c;
    product_ab(a, b, c, panels);
    const float *c_data = c.data(), *left = panels.left.data(), *right = panels.right.data();
    product_ab(a, b, c, panels);
    REQUIRE(c.data() == c_data);
    REQUIRE(panels.left.data() == left);
    REQUIRE(panels.right.data() == right);
}

TEST_CASE("gemm kernel: blocks of larger matrices (an outer stride) give the bits of their copies",
          "[gemm]") {
    const MatrixXf big_a = uniform_matrix(20, 30, 8), big_b = uniform_matrix(30, 25, 9);
    const MatrixXf a = big_a.block(3, 2, 17, 9), b = big_b.block(5, 4, 17, 11);
    GemmPanels panels;
    MatrixXf from_blocks, from_copies;
    product_atb(big_a.block(3, 2, 17, 9), big_b.block(5, 4, 17, 11), from_blocks, panels);
    product_atb(a, b, from_copies, panels);
    REQUIRE(same_bits(from_blocks, from_copies));
    REQUIRE(same_bits(from_blocks, sequential_product(a.transpose(), b)));
    product_ab(big_a.block(3, 2, 17, 9), big_b.block(7, 4, 9, 11), from_blocks, panels);
    REQUIRE(same_bits(from_blocks, sequential_product(a, big_b.block(7, 4, 9, 11))));
}

TEST_CASE("gemm kernel: C may be A or B (both are packed before C is written)", "[gemm]") {
    const MatrixXf a = uniform_matrix(13, 13, 3), b = uniform_matrix(13, 13, 4);
    GemmPanels panels;
    MatrixXf expected;
    product_ab(a, b, expected, panels);
    MatrixXf c = a;
    product_ab(c, b, c, panels);  // C = C B
    REQUIRE(same_bits(c, expected));
    c = b;
    product_ab(a, c, c, panels);  // C = A C
    REQUIRE(same_bits(c, expected));
    MatrixXf wide = uniform_matrix(13, 20, 5);  // C = A^T C with a new size: packed before C is resized
    const MatrixXf wide_expected = sequential_product(a.transpose(), wide);
    product_atb(a, wide, wide, panels);
    REQUIRE(same_bits(wide, wide_expected));
}

TEST_CASE("gemm kernel: a NaN in A(i, p) makes row i NaN and leaves the other rows as they were", "[gemm]") {
    MatrixXf a = uniform_matrix(11, 9, 6);
    const MatrixXf b = uniform_matrix(9, 6, 7);
    a(4, 3) = std::nanf("");
    GemmPanels panels;
    MatrixXf c;
    product_ab(a, b, c, panels);
    const MatrixXf sequential = sequential_product(a, b);
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
    GemmPanels panels;
    MatrixXf c;
    REQUIRE_THROWS_WITH(product_ab(MatrixXf(2, 3), MatrixXf(4, 5), c, panels),
                        Catch::Contains("product_ab") && Catch::Contains("2x3") && Catch::Contains("4x5"));
    REQUIRE_THROWS_AS(product_atb(MatrixXf(2, 3), MatrixXf(3, 2), c, panels), std::invalid_argument);
    REQUIRE_THROWS_AS(product_abt(MatrixXf(2, 3), MatrixXf(3, 2), c, panels), std::invalid_argument);
}
