// Accuracy, argmax and confusion matrix on a hand example.
#include <catch2/catch.hpp>
#include <stdexcept>
#include "engine/metrics.h"

using namespace pl;

TEST_CASE("metrics: argmax per column", "[metrics]") {
    Mat scores(3, 4);
    scores << 0.1, 5, -1, 0, 0.7, 1, -2, 0, 0.2, 2, -3, 9;
    REQUIRE(argmax_columns(scores) == std::vector<int>{1, 0, 0, 2});
}

TEST_CASE("metrics: accuracy and confusion matrix", "[metrics]") {
    const std::vector<int> predicted{0, 1, 1, 2, 2, 2};
    const std::vector<int> truth{0, 1, 2, 2, 2, 0};
    REQUIRE(accuracy(predicted, truth) == Approx(4.0 / 6.0));
    REQUIRE(accuracy(truth, truth) == 1.0);
    REQUIRE(accuracy({}, {}) == 0.0);
    REQUIRE_THROWS_AS(accuracy({1}, {1, 2}), std::invalid_argument);

    Eigen::MatrixXi expected(3, 3);  // rows = true class, cols = predicted
    expected << 1, 0, 1, 0, 1, 0, 0, 1, 2;
    const Eigen::MatrixXi c = confusion_matrix(predicted, truth, 3);
    REQUIRE(c == expected);
    REQUIRE(c.sum() == 6);
    REQUIRE(c.trace() == 4);
    REQUIRE_THROWS_AS(confusion_matrix({3}, {0}, 3), std::invalid_argument);
}
