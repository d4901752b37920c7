#include "engine/diehl_cook.h"
#include <algorithm>
#include <cmath>
#include <limits>
#include "engine/math.h"
#include "engine/random_streams.h"

namespace pl {

namespace {
constexpr int kInputs = 784;                      // 28 x 28 pixels
constexpr double kPixelMax = 255;                 // the original's pixel scale
constexpr double kPixelHzPerIntensity = 1.0 / 8;  // rate = pixel / 8 Hz * intensity (Hz per pixel unit)
constexpr double kMsPerSecond = 1000;             // ms/s
constexpr float kNever_ms = -1e9f;                // the last spike of a train that has none: its trace is 0
// Weights, traces and conductances below this are 0 (in their units). Subnormal floats run ~100x slower on
// x86 and in wasm, and they arise: normalisation shrinks the weights of pixels a neuron never sees
// geometrically, a decay by a constant factor passes through them, and Eigen's float exp stops at ~4e-39
// instead of 0.
constexpr float kTinyFloor = 1e-20f;
constexpr float kTraceExponentMin = -50;  // e^-50 ~ 2e-22 < kTinyFloor: exp never computes a subnormal

// x, with the entries below kTinyFloor set to 0.
Eigen::ArrayXf flushed(const Eigen::ArrayXf& x) { return (x < kTinyFloor).select(0.0f, x); }

// Each train's trace at t when a spike sets it to 1: e^(-(t - t_last)/tau), 0 once below kTinyFloor.
Eigen::ArrayXf trace(float t_ms, const Eigen::ArrayXf& last_spike_ms, float tau_ms) {
    return flushed(pl::exp((-(t_ms - last_spike_ms) / tau_ms).max(kTraceExponentMin)));
}
}  // namespace

const std::vector<ModelParam>& diehl_cook_param_table() {
    const DiehlCookParams d;  // the defaults
    static const std::vector<ModelParam> table = {
        {"neurons",
         "",
         double(d.neurons),
         1,
         1600,
         "excitatory neurons (and as many inhibitory ones)",
         {},
         true},
        {"dc_present", "ms", d.present_ms, 10, 1000, "presentation of one digit, then a state reset", {}},
        {"dc_intensity",
         "",
         d.intensity,
         0.1,
         20,
         "input rate = pixel / 8 Hz * intensity (2: 63.75 Hz max)",
         {}},
        {"dc_min_spikes",
         "",
         double(d.min_spikes),
         0,
         100,
         "fewer excitatory spikes: intensity + 1, repeat",
         {},
         true},
        {"dc_theta_plus", "mV", d.theta_plus_mV, 0, 1, "threshold growth per excitatory spike", {}},
        {"dc_tau_theta", "ms", d.tau_theta_ms, 1e3, 1e9, "threshold decay", {}},
        {"dc_nu_pre", "w", d.nu_pre, 0, 0.01, "depression on a pre spike: w -= nu_pre post1", {}},
        {"dc_nu_post", "w", d.nu_post, 0, 0.1, "potentiation on a post spike: w += nu_post pre post2", {}},
        {"dc_w_sum", "w", d.w_sum, 1, 400, "each neuron's input weights sum to this before every digit", {}},
        {"dc_w_exc_inh", "", d.w_exc_inh, 0, 100, "exc i -> inh i conductance (units of the leak)", {}},
        {"dc_w_inh_exc", "", d.w_inh_exc, 0, 200, "inh i -> every other exc conductance", {}},
    };
    return table;
}

DiehlCookParams diehl_cook_params(const ParamLookup& value) {
    DiehlCookParams p;
    p.neurons = int(value("neurons"));
    p.present_ms = value("dc_present");
    p.intensity = value("dc_intensity");
    p.min_spikes = int(value("dc_min_spikes"));
    p.theta_plus_mV = value("dc_theta_plus");
    p.tau_theta_ms = value("dc_tau_theta");
    p.nu_pre = value("dc_nu_pre");
    p.nu_post = value("dc_nu_post");
    p.w_sum = value("dc_w_sum");
    p.w_exc_inh = value("dc_w_exc_inh");
    p.w_inh_exc = value("dc_w_inh_exc");
    return p;
}

DiehlCook::DiehlCook(const DiehlCookParams& params, uint64_t seed)
    : p_(params),
      spikes_rng_(random_stream(seed, Stream::Spikes)),
      steps_(int(std::lround(params.present_ms / params.dt_ms))),
      w_(kInputs, params.neurons),
      theta_mV_(Eigen::ArrayXf::Zero(params.neurons)),
      exc_counts_(Eigen::ArrayXi::Zero(params.neurons)) {
    Rng init = random_stream(seed, Stream::Init);
    for (int i = 0; i < kInputs; ++i)
        for (int j = 0; j < p_.neurons; ++j)
            w_(i, j) = float(p_.w_init * (init.uniform() + 0.01));  // w = 0.3 (U + 0.01)
    reset_state();
}

void DiehlCook::normalise_weights() {
    // EXERCISE plasticity.diehl_cook_normalisation: Each neuron's input weights sum to w_sum (1 point)
    // HINT: w_ is 784 x N: column j holds neuron j's input weights; scale each column by w_sum / its sum.
    // HINT: w_.colwise().sum() gives the N column sums; a diagonal matrix on the right scales the columns.
    const Eigen::RowVectorXf sums = w_.colwise().sum();
    w_ = w_ * (float(p_.w_sum) / sums.array()).matrix().asDiagonal();  // w(:, j) *= w_sum / sum_i w(i, j)
    // END EXERCISE
    w_ = (w_.array() < kTinyFloor).select(0.0f, w_);
}

void DiehlCook::reset_state() {
    const int n = p_.neurons;
    v_exc_.setConstant(n, float(p_.v_rest_exc_mV));
    v_inh_.setConstant(n, float(p_.v_rest_inh_mV));
    ge_exc_.setZero(n);
    gi_exc_.setZero(n);
    ge_inh_.setZero(n);
    refractory_exc_.setZero(n);
    lockout_exc_.setZero(n);
    refractory_inh_.setZero(n);
    last_pre_ms_.setConstant(kInputs, kNever_ms);
    last_post_ms_.setConstant(n, kNever_ms);
}

// Poisson spikes of each pixel: P(spike in a step) = rate dt, so the steps between spikes are geometric.
void DiehlCook::draw_input_spikes(const Eigen::VectorXd& pixels, double intensity) {
    input_raster_.clear();
    for (int i = 0; i < kInputs; ++i) {
        const double rate_hz =
            pixels(i) * kPixelMax * kPixelHzPerIntensity * intensity;  // pixel / 8 * intensity
        const double p = std::min(1.0, rate_hz * p_.dt_ms / kMsPerSecond);
        if (p <= 0) continue;
        const double log_q = pl::log1p(-p);
        for (double s = std::floor(pl::log1p(-spikes_rng_.uniform()) / log_q); s < steps_;
             s += 1 + std::floor(pl::log1p(-spikes_rng_.uniform()) / log_q))
            input_raster_.push_back({int(s), i});
    }
    std::stable_sort(input_raster_.begin(), input_raster_.end(),
                     [](const RasterSpike& a, const RasterSpike& b) { return a.step < b.step; });
}

const Eigen::ArrayXi& DiehlCook::present(const Eigen::VectorXd& pixels, bool learn) {
    double intensity = p_.intensity;
    for (last_repeats_ = 0;; ++last_repeats_, intensity += 1) {
        if (learn) normalise_weights();
        reset_state();
        draw_input_spikes(pixels, intensity);
        run_presentation(learn);
        if (exc_counts_.sum() >= p_.min_spikes || last_repeats_ == p_.max_repeats) break;
    }
    last_intensity_ = intensity;
    return exc_counts_;
}

void DiehlCook::run_presentation(bool learn) {
    exc_counts_.setZero(p_.neurons);
    exc_raster_.clear();
    const RasterSpike* in = input_raster_.data();
    const RasterSpike* in_end = in + input_raster_.size();
    for (int s = 0; s < steps_; ++s) {
        const RasterSpike* first = in;
        while (in != in_end && in->step == s) ++in;
        step(s, first, in, learn);
    }
}

void DiehlCook::step(int s, const RasterSpike* in_first, const RasterSpike* in_last, bool learn) {
    const float dt = float(p_.dt_ms), t = float(s * p_.dt_ms);
    // Euler, as Brian 1 for these nonlinear equations: tau dV/dt = (V_rest - V) + ge (E_exc - V) + gi (E_inh
    // - V)
    const Eigen::ArrayXf dv_exc =
        dt / float(p_.tau_exc_ms) *
        ((float(p_.v_rest_exc_mV) - v_exc_) + ge_exc_ * (float(p_.e_exc_mV) - v_exc_) +
         gi_exc_ * (float(p_.e_inh_exc_mV) - v_exc_));
    const Eigen::ArrayXf dv_inh =
        dt / float(p_.tau_inh_ms) *
        ((float(p_.v_rest_inh_mV) - v_inh_) + ge_inh_ * (float(p_.e_exc_mV) - v_inh_));
    v_exc_ = (refractory_exc_ == 0).select(v_exc_ + dv_exc, v_exc_);  // V held at reset while refractory
    v_inh_ = (refractory_inh_ == 0).select(v_inh_ + dv_inh, v_inh_);
    refractory_exc_ = (refractory_exc_ - 1).max(0);
    refractory_inh_ = (refractory_inh_ - 1).max(0);
    lockout_exc_ = (lockout_exc_ - 1).max(0);
    ge_exc_ = flushed(ge_exc_ * (1 - dt / float(p_.tau_ge_ms)));  // tau_ge dge/dt = -ge
    gi_exc_ = flushed(gi_exc_ * (1 - dt / float(p_.tau_gi_ms)));  // tau_gi dgi/dt = -gi
    ge_inh_ = flushed(ge_inh_ * (1 - dt / float(p_.tau_ge_ms)));

    // Thresholds: V > V_thresh + theta (excitatory, outside the lockout), V > V_thresh (inhibitory).
    fired_exc_.clear();
    fired_inh_.clear();
    const int refractory_exc_steps = int(std::lround(p_.refractory_exc_ms / p_.dt_ms));
    const int lockout_exc_steps = int(std::lround(p_.lockout_exc_ms / p_.dt_ms));
    const int refractory_inh_steps = int(std::lround(p_.refractory_inh_ms / p_.dt_ms));
    for (int j = 0; j < p_.neurons; ++j) {
        if (lockout_exc_(j) == 0 && v_exc_(j) > float(p_.v_thresh_exc_mV) + theta_mV_(j)) {
            fired_exc_.push_back(j);
            v_exc_(j) = float(p_.v_reset_exc_mV);
            refractory_exc_(j) = refractory_exc_steps;
            lockout_exc_(j) = lockout_exc_steps;
        }
        if (v_inh_(j) > float(p_.v_thresh_inh_mV)) {
            fired_inh_.push_back(j);
            v_inh_(j) = float(p_.v_reset_inh_mV);
            refractory_inh_(j) = refractory_inh_steps;
        }
    }
    // EXERCISE plasticity.diehl_cook_threshold: The adaptive threshold theta over one step (2 points)
    // HINT: while learning only: at test time theta stays frozen. First every neuron's theta decays exactly:
    // HINT: tau_theta dtheta/dt = -theta gives theta *= exp(-dt / tau_theta) per step (theta_mV_ is floats).
    // HINT: Then each neuron that fired in this step (fired_exc_) gets theta += theta_plus.
    if (learn) {
        theta_mV_ *= float(pl::exp(-p_.dt_ms / p_.tau_theta_ms));          // tau_theta dtheta/dt = -theta
        for (int j : fired_exc_) theta_mV_(j) += float(p_.theta_plus_mV);  // theta += theta_plus per spike
    }
    // END EXERCISE

    // Input spikes: ge += the input's row of weights; STDP on pre: w -= nu_pre post1, w in [0, w_max].
    if (in_first != in_last && learn) {
        const Eigen::RowVectorXf post1 = trace(t, last_post_ms_, float(p_.tau_post1_ms)).matrix().transpose();
        for (const RasterSpike* e = in_first; e != in_last; ++e) {
            ge_exc_ += w_.row(e->neuron).array().transpose();
            w_.row(e->neuron) = (w_.row(e->neuron) - float(p_.nu_pre) * post1).cwiseMax(0.0f);
            last_pre_ms_(e->neuron) = t;
        }
    } else {
        for (const RasterSpike* e = in_first; e != in_last; ++e)
            ge_exc_ += w_.row(e->neuron).array().transpose();
    }

    // Excitatory spikes: their inhibitory partner's ge += w_exc_inh; STDP on post: w += nu_post pre post2.
    for (int j : fired_exc_) {
        ge_inh_(j) += float(p_.w_exc_inh);
        exc_counts_(j) += 1;
        exc_raster_.push_back({s, j});
        if (!learn) continue;
        const float post2_before = pl::exp(-(t - last_post_ms_(j)) / float(p_.tau_post2_ms));
        const Eigen::ArrayXf pre = trace(t, last_pre_ms_, float(p_.tau_pre_ms));
        w_.col(j) =
            (w_.col(j).array() + float(p_.nu_post) * post2_before * pre).min(float(p_.w_max)).matrix();
        last_post_ms_(j) = t;
    }

    // Inhibitory spikes: gi of every excitatory neuron but the partner += w_inh_exc.
    gi_exc_ += float(p_.w_inh_exc) * float(fired_inh_.size());
    for (int j : fired_inh_) gi_exc_(j) -= float(p_.w_inh_exc);
}

}  // namespace pl
