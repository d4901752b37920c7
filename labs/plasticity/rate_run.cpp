#include "labs/plasticity/rate_run.h"
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include "engine/bcm_patterns.h"
#include "engine/math.h"
#include "engine/random_streams.h"

namespace pl {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDigitInitSd = 0.01;    // the digits' w0 ~ N(0, 0.01^2): small against a unit norm
constexpr double kPatternInitMax = 0.1;  // BCM's w0 ~ U[0, 0.1)
constexpr long kPathPoints = 20000;      // the cloud's drawn path of w

Mat unit_row(double angle_deg) {
    const double radians = angle_deg * std::numbers::pi / 180;
    Mat w(1, 2);
    w << pl::cos(radians), pl::sin(radians);
    return w;
}

Mat normal_rows(int rows, int cols, Rng& rng) {
    Mat W(rows, cols);
    for (Eigen::Index i = 0; i < W.size(); ++i) W.data()[i] = kDigitInitSd * rng.normal();
    return W;
}
}  // namespace

RateRun::RateRun(const RateRunSettings& settings, const std::shared_ptr<const Split>& digits,
                 std::shared_ptr<const PrincipalComponents> cached, uint64_t seed)
    : params(rate_params(lookup_of(settings.values))),
      s_(settings),
      order_rng_(random_stream(seed, Stream::DataOrder)) {
    Rng init = random_stream(seed, Stream::Init);
    if (s_.rule == "bcm") {
        Rng data = random_stream(seed, Stream::ToyData);
        X = random_patterns(data, s_.pattern_inputs, s_.patterns);
        Mat W0(1, s_.pattern_inputs);
        for (Eigen::Index i = 0; i < W0.size(); ++i) W0.data()[i] = init.uniform(0, kPatternInitMax);
        state = rate_state(W0);
    } else if (on_digits()) {
        X = digits->train.x.colwise() - digits->train.x.rowwise().mean();  // centred: C is the covariance
        const int k = s_.rule == "sanger" ? s_.components : 1;
        pcs = cached && cached->vectors.cols() >= k
                  ? cached
                  : std::make_shared<PrincipalComponents>(principal_components(X, k));
        state = rate_state(normal_rows(k, int(X.rows()), init));
    } else {
        Rng data = random_stream(seed, Stream::ToyData);
        X = make_cloud(data, cloud_settings(lookup_of(s_.cloud)));
        pcs = std::make_shared<PrincipalComponents>(principal_components(X, 2));
        state = rate_state(unit_row(s_.initial_angle_deg));
        const long updates = long(s_.passes) * ((X.cols() + s_.batch - 1) / s_.batch);
        path_stride = int(std::max(1L, (updates + kPathPoints - 1) / kPathPoints));
        path.push_back(state.W.row(0).transpose().cast<double>());
    }
    begin_pass();
}

// The cloud in its own order (the exercise's), digits shuffled, BCM's patterns drawn at random.
void RateRun::begin_pass() {
    position_ = 0;
    order_.clear();
    if (s_.rule == "bcm") {
        for (int k = 0; k < s_.pattern_samples; ++k) order_.push_back(order_rng_.below(int(X.cols())));
        return;
    }
    for (int i = 0; i < int(X.cols()); ++i) order_.push_back(i);
    if (on_digits()) order_rng_.shuffle(order_);
}

bool RateRun::advance(int samples) {
    if (done()) return false;
    const bool trace_path = X.rows() == 2;
    const size_t end = std::min(order_.size(), position_ + size_t(std::max(samples, s_.batch)));
    while (position_ < end && diverged.empty()) {
        const size_t last = std::min(order_.size(), position_ + size_t(s_.batch));
        diverged = rate_pass(s_.rule, params, X,
                             std::vector<int>(order_.begin() + long(position_), order_.begin() + long(last)),
                             s_.batch, state);
        position_ = last;
        if (trace_path && ++updates_ % path_stride == 0)
            path.push_back(state.W.row(0).transpose().cast<double>());
    }
    if (!diverged.empty() || position_ < order_.size()) return false;
    if (++pass_ < s_.passes) begin_pass();
    return true;
}

double RateRun::progress() const {
    if (done()) return 1;
    return (pass_ + double(position_) / double(std::max<size_t>(1, order_.size()))) / s_.passes;
}

RateMeasures RateRun::measure() const {
    RateMeasures m{state.W.rowwise().norm().maxCoeff(), kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    if (s_.rule == "bcm") {
        const Vec responses = (state.W * X).row(0).transpose();
        m.theta = state.theta(0);
        m.selectivity = selectivity(state.W, X)(0);
        m.winner_response = responses.cwiseAbs().maxCoeff();
    } else if (s_.rule == "sanger") {
        const std::vector<double> angles = component_angles_deg(state.W.transpose(), *pcs);
        m.max_angle_deg = *std::max_element(angles.begin(), angles.end());
        double sum = 0;
        for (double a : angles) sum += a;
        m.mean_angle_deg = sum / double(angles.size());
    } else {
        m.angle_to_pc1_deg = axis_angle_deg(state.W.row(0).transpose(), pcs->vectors.col(0));
    }
    return m;
}

}  // namespace pl
