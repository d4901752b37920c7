// The rate-based plasticity rules against the plasticity lab's acceptance figures (issue 14, Part 1): Oja
// finds PC1 of the 2-D cloud and diverges for a large eta, Hebb grows without bound, Sanger finds the first 8
// principal components of the digits, BCM becomes selective for one pattern. Seeds fixed.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include "engine/bcm_patterns.h"
#include "engine/gaussian_cloud.h"
#include "engine/principal_components.h"
#include "engine/random_streams.h"
#include "engine/rate_rules.h"
#include "labs/task_data.h"

using namespace pl;

namespace {
// A unit weight row at `angle_deg` to the x axis (the neurodynex exercise's initial_angle).
Mat unit_row(double angle_deg) {
    const double radians = angle_deg * std::numbers::pi / 180;
    Mat w(1, 2);
    w << std::cos(radians), std::sin(radians);
    return w;
}

// `passes` passes over the columns of X in order, one sample per step, stopping at a divergence: its reason.
std::string present(const std::string& rule, const RateParams& p, const Mat& X, int passes, RateState& s) {
    std::string why;
    for (int pass = 0; pass < passes && why.empty(); ++pass) why = rate_pass(rule, p, X, {}, 1, s);
    return why;
}

// The Oja exercise's cloud: n 200, ratio 0.3, angle 60 deg.
Mat exercise_cloud(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::ToyData);
    return make_cloud(rng, CloudSettings{200, 0.3, 60});
}
}  // namespace

TEST_CASE("rate rules: an unknown rule is refused, naming the valid ones", "[plasticity]") {
    RateState s = rate_state(unit_row(0));
    REQUIRE_THROWS_WITH(rate_step("stdp", RateParams{}, Mat::Ones(2, 1), s),
                        Catch::Contains("hebb, oja, bcm, sanger"));
    REQUIRE_THROWS_AS(rate_pass("oja", RateParams{}, Mat::Ones(2, 4), {}, 0, s), std::invalid_argument);
}

TEST_CASE("gaussian cloud: its PC1 lies along angle and its sd ratio is ratio", "[plasticity]") {
    Rng rng = random_stream(1, Stream::ToyData);
    const Mat X = make_cloud(rng, CloudSettings{20000, 0.3, 60});
    const PrincipalComponents pc = principal_components(X, 2);
    CHECK(axis_angle_deg(pc.vectors.col(0), unit_row(60).transpose()) < 1);
    CHECK(std::sqrt(pc.values(1) / pc.values(0)) == Approx(0.3).margin(0.01));
    CHECK(pc.values(0) == Approx(1).margin(0.03));
}

TEST_CASE("principal angles: sign-free for a vector, the subspace's for close eigenvalues", "[plasticity]") {
    Vec a(3), b(3);
    a << 1, 0, 0;
    b << -1, 1, 0;
    CHECK(axis_angle_deg(a, b) == Approx(45));
    // eigenvalues 4, 4, 1: a rotation of the first two components is as good as them
    PrincipalComponents truth{Mat::Identity(3, 2), Vec(2)};
    truth.values << 4, 3.9;
    Mat rotated(3, 2);
    rotated << std::cos(0.5), -std::sin(0.5), std::sin(0.5), std::cos(0.5), 0, 0;
    CHECK(axis_angle_deg(rotated.col(0), truth.vectors.col(0)) == Approx(0.5 * 180 / std::numbers::pi));
    const std::vector<double> grouped = component_angles_deg(rotated, truth, 0.05);
    CHECK(grouped[0] < 1e-6);
    CHECK(grouped[1] < 1e-6);
    const std::vector<double> apart = component_angles_deg(rotated, truth, 0.01);  // 2.5% apart: no group
    CHECK(apart[0] == Approx(0.5 * 180 / std::numbers::pi));
    rotated(2, 1) = 1;  // tilt the second out of the plane: the subspace angle sees it
    CHECK(subspace_angle_deg(rotated, truth.vectors) > 30);
}

TEST_CASE("oja: on the 2-D cloud it ends within 2 deg of PC1 with unit norm",
          "[plasticity][exercise:plasticity.oja_update]") {
    // The exercise's eta 0.04 from initial angle -20 deg. A constant eta leaves w fluctuating about PC1 by
    // ~sqrt(eta l1 l2 / (2 (l1 - l2))) rad (~2 deg rms here), so eta decays over the passes: eta / (1 + t /
    // n).
    RateParams p;
    p.eta = 0.04, p.eta_decay = 200;
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        const Mat X = exercise_cloud(seed);
        RateState s = rate_state(unit_row(-20));
        REQUIRE(present("oja", p, X, 20, s).empty());
        const Vec w = s.W.row(0).transpose();
        CHECK(axis_angle_deg(w, principal_components(X, 1).vectors.col(0)) < 2);
        CHECK(w.norm() == Approx(1).margin(0.02));
    }
}

TEST_CASE("oja: with eta too large it diverges and says why",
          "[plasticity][exercise:plasticity.oja_update]") {
    RateParams p;
    p.eta = 1;  // eta y^2 > 1 for every sample with |y| > 1: each overshoot grows (0.2 and 0.4 never diverge)
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        RateState s = rate_state(unit_row(-20));
        const std::string why = present("oja", p, exercise_cloud(seed), 1, s);
        CHECK_THAT(why, Catch::Contains("diverged") && Catch::Contains("lower eta"));
    }
}

TEST_CASE("hebb: the norm of w grows monotonically and without bound", "[plasticity]") {
    // |w + eta y x|^2 = |w|^2 + 2 eta y^2 + eta^2 y^2 |x|^2 >= |w|^2
    const Mat X = exercise_cloud(1);
    RateParams p;
    p.eta = 0.04, p.w_bound = 1e12;
    RateState s = rate_state(unit_row(-20));
    double last = 1;
    bool monotone = true;
    for (Eigen::Index i = 0; i < X.cols(); ++i) {
        rate_step("hebb", p, X.col(i), s);
        monotone = monotone && s.W.norm() >= last;
        last = s.W.norm();
    }
    CHECK(monotone);
    CHECK(last > 100);
    p.w_bound = 100;
    CHECK_THAT(divergence_reason("hebb", p, s), Catch::Contains("exceeds 100") && Catch::Contains("any eta"));
}

TEST_CASE("sanger: k = 8 outputs learn the first 8 principal components of the digits", "[plasticity]") {
    const std::shared_ptr<const Split> digits = task_data("mnist", 0);
    // centred, so the second moment is the covariance
    const Mat X = digits->train.x.colwise() - digits->train.x.rowwise().mean();
    const PrincipalComponents truth = principal_components(X, 8);
    Rng init = random_stream(1, Stream::Init);
    Mat W0(8, X.rows());
    for (Eigen::Index i = 0; i < W0.size(); ++i) W0.data()[i] = 0.01 * init.normal();
    RateState s = rate_state(W0);
    RateParams p;
    // eta 0.1 on the mean over a batch of 20 (0.005 per sample), halved after half a pass: a constant eta
    // leaves the components 11-20 deg off (the noise over 784 inputs). 10 passes: <= 5 deg for seeds 1..6.
    p.eta = 0.1, p.eta_decay = 4000;
    Rng order = random_stream(1, Stream::DataOrder);
    std::vector<int> idx(X.cols());
    for (int i = 0; i < int(idx.size()); ++i) idx[i] = i;
    for (int pass = 0; pass < 10; ++pass) {
        order.shuffle(idx);
        REQUIRE(rate_pass("sanger", p, X, idx, 20, s).empty());
    }
    const std::vector<double> angles = component_angles_deg(s.W.transpose(), truth);
    for (int k = 0; k < 8; ++k) {
        INFO("component " << k + 1 << ": " << angles[k] << " deg");
        CHECK(angles[k] < 10);
        CHECK(s.W.row(k).norm() == Approx(1).margin(0.02));
    }
}

TEST_CASE("bcm: selectivity is the largest response over the next", "[plasticity]") {
    Mat W(2, 3), patterns = Mat::Identity(3, 3);
    W << 6, -1, 0.5, 1, 0, 0;
    const Vec measured = selectivity(W, patterns);
    CHECK(measured(0) == Approx(6));
    CHECK(std::isinf(measured(1)));
    CHECK(std::isnan(selectivity(W, patterns.leftCols(1))(0)));
}

TEST_CASE("bcm: it becomes selective, one pattern's response 5x the others'", "[plasticity]") {
    // 3 random nonnegative patterns of 20 inputs, one at random per sample; the selective fixed point has
    // y = theta = 3 for one pattern (theta = <y^2> = y^2 / 3) and 0 for the others.
    RateParams p;
    p.eta = 0.002, p.tau_theta = 20;
    for (uint64_t seed = 1; seed <= 8; ++seed) {
        Rng data = random_stream(seed, Stream::ToyData);
        const Mat patterns = random_patterns(data, 20, 3);
        Rng init = random_stream(seed, Stream::Init);
        Mat W0(1, 20);
        for (Eigen::Index i = 0; i < W0.size(); ++i) W0.data()[i] = init.uniform(0, 0.1);
        RateState s = rate_state(W0);
        Rng order = random_stream(seed, Stream::DataOrder);
        for (int t = 0; t < 60000; ++t) rate_step("bcm", p, patterns.col(order.below(3)), s);
        const double winner = (s.W * patterns).cwiseAbs().maxCoeff();
        INFO("seed " << seed << ": responses " << s.W * patterns << ", theta " << s.theta(0));
        CHECK(selectivity(s.W, patterns)(0) >= 5);
        CHECK(winner == Approx(3).margin(1));
    }
}
