// angle_deg on hand-picked pairs and the Penrose identities of pseudo_inverse; the update angles say why an
// angle is not a number.
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include "engine/angles.h"
#include "engine/random_matrix.h"
#include "engine/update_angles.h"

using namespace pl;

TEST_CASE("angles: orthogonal 90, parallel 0, antiparallel 180 degrees", "[angles]") {
    Mat a(2, 2), b(2, 2);
    a << 1, 0, 0, 0;
    b << 0, 0, 0, 3;
    REQUIRE(angle_deg(a, b) == Approx(90.0));
    REQUIRE(angle_deg(a, 2.5 * a) == Approx(0.0).margin(1e-12));
    REQUIRE(angle_deg(a, -0.1 * a) == Approx(180.0));
    Mat c(2, 2), d(2, 2);  // 45 degrees: (1, 0) against (1, 1) in the flattened space
    c << 1, 0, 0, 0;
    d << 1, 0, 1, 0;
    REQUIRE(angle_deg(c, d) == Approx(45.0));
}

TEST_CASE("angles: a zero matrix gives NaN, a size mismatch throws", "[angles]") {
    const Mat a = Mat::Ones(3, 2);
    REQUIRE(std::isnan(angle_deg(a, Mat::Zero(3, 2))));
    REQUIRE(std::isnan(angle_deg(Mat::Zero(3, 2), a)));
    REQUIRE_THROWS_AS(angle_deg(a, Mat::Ones(2, 3)), std::invalid_argument);
}

TEST_CASE("angles: pseudo_inverse satisfies A A+ A = A and A+ A A+ = A+, also rank-deficient", "[angles]") {
    Rng rng(5);
    const Mat tall = normal_matrix(rng, 7, 4, 1.0);
    const Mat low_rank = normal_matrix(rng, 6, 2, 1.0) * normal_matrix(rng, 2, 5, 1.0);  // rank 2
    for (const Mat& A : {tall, low_rank}) {
        const Mat P = pseudo_inverse(A);
        REQUIRE(P.rows() == A.cols());
        REQUIRE(P.cols() == A.rows());
        REQUIRE((A * P * A - A).norm() < 1e-10 * A.norm());
        REQUIRE((P * A * P - P).norm() < 1e-10 * P.norm());
        REQUIRE((A * P - (A * P).transpose()).norm() < 1e-10);  // A A+ symmetric
    }
    REQUIRE((pseudo_inverse(tall) * tall - Mat::Identity(4, 4)).norm() < 1e-10);  // full column rank
}

TEST_CASE("update angles: an angle that is not a number says which update is zero", "[angles]") {
    Rng rng(1);
    Mlp net({2, 3, 3, 2}, ActivationKind::ReLU, rng);
    const Mat x = Mat::Random(2, 8), y = Mat::Ones(2, 8);
    const MeanSquaredError mse;
    Backprop bp;
    const UpdateAngles alive = update_angles_to_bp(net, mse, bp, x, y);
    CHECK(alive.hidden_undefined == std::vector<std::string>{"", ""});
    CHECK(alive.all_undefined.empty());

    Linear& second = *net.linears()[1];  // its ReLUs never fire: h1 >= 0, W2 < 0, b2 < 0
    second.W.value.setConstant(-1), second.b.value.setConstant(-1);
    const UpdateAngles dead = update_angles_to_bp(net, mse, bp, x, y);
    CHECK(std::isnan(dead.hidden[1]));
    CHECK(dead.hidden_undefined ==
          std::vector<std::string>{"the BP update of layer 1 is zero", "the BP update of layer 2 is zero"});
    CHECK(dead.all_undefined == "the BP update of the network is zero");
}
