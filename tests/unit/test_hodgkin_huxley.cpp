// The Hodgkin-Huxley squid axon at 6.3 degC against the published figures (single spike near 2.3 uA/cm^2,
// repetitive firing from about 6.3 uA/cm^2 at about 52 Hz, 68 Hz at 10: type II), its rates against hh.mod's
// formulas and its exponential-Euler step against a much finer one. Figures: /work/notes/n1_figures.md.
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/hodgkin_huxley.h"
#include "tests/unit/spike_times_helper.h"

using namespace pl;

namespace {

constexpr double kDt_ms = 0.01;  // the tests' step (exponential Euler)

// Steps of I (uA/cm^2) from rest, one neuron each, for run_ms; their spike times
std::vector<std::vector<double>> hh_spikes(const Eigen::ArrayXd& I, double run_ms) {
    HodgkinHuxley hh(int(I.size()));
    return spike_times(
        hh, [&](double) { return I; }, kDt_ms, run_ms);
}

// Sustained firing: still spiking in the last 200 ms of a 1 s step
bool sustained(double I) {
    const std::vector<double> t = hh_spikes(Eigen::ArrayXd::Constant(1, I), 1000)[0];
    return !t.empty() && t.back() > 800;
}

double last_isi_rate_hz(const std::vector<double>& t) { return 1000 / (t.back() - t[t.size() - 2]); }

}  // namespace

TEST_CASE("HH rests at about -65 mV with its gates at their steady states", "[neurons][hh]") {
    HodgkinHuxley hh(1);
    CAPTURE(hh.s.V(0), hh.s.m(0), hh.s.h(0), hh.s.n(0));
    REQUIRE(hh.s.V(0) == Approx(-65.0).margin(0.05));  // measured -64.996 mV
    const Eigen::ArrayXd rest = hh.s.V;
    for (int k = 0; k < 10000; ++k) hh.step(Eigen::ArrayXd::Zero(1), kDt_ms);  // 100 ms without input
    REQUIRE(hh.s.V(0) == Approx(rest(0)).margin(1e-6));
    REQUIRE(std::abs(hh.s.I_Na(0) + hh.s.I_K(0) + hh.s.I_L(0)) < 1e-9);
}

TEST_CASE("HH rates are hh.mod's, with vtrap's removable singularity continuous",
          "[neurons][hh]"
          "[exercise:neurons.hh_rates]") {
    const Eigen::ArrayXd V = Eigen::ArrayXd::LinSpaced(11, -89.5, 10.5);  // away from the singular points
    const HhRates r = hh_rates(V, 1);
    for (int k = 0; k < V.size(); ++k) {
        const double v = V(k);
        REQUIRE(r.alpha_m(k) == Approx(0.1 * (v + 40) / (1 - std::exp(-(v + 40) / 10))));
        REQUIRE(r.beta_m(k) == Approx(4 * std::exp(-(v + 65) / 18)));
        REQUIRE(r.alpha_h(k) == Approx(0.07 * std::exp(-(v + 65) / 20)));
        REQUIRE(r.beta_h(k) == Approx(1 / (1 + std::exp(-(v + 35) / 10))));
        REQUIRE(r.alpha_n(k) == Approx(0.01 * (v + 55) / (1 - std::exp(-(v + 55) / 10))));
        REQUIRE(r.beta_n(k) == Approx(0.125 * std::exp(-(v + 65) / 80)));
    }
    // at V = -40 (alpha_m) and -55 (alpha_n) the limit 0.1 * 10 = 1 and 0.01 * 10 = 0.1; finite and
    // continuous
    const Eigen::ArrayXd at =
        Eigen::Array<double, 6, 1>(-40, -40 + 1e-9, -40 - 1e-7, -55, -55 + 1e-9, -55 - 1e-7);
    const HhRates s = hh_rates(at, 1);
    REQUIRE(s.alpha_m.allFinite());
    REQUIRE(s.alpha_n.allFinite());
    REQUIRE(s.alpha_m(0) == Approx(1.0).epsilon(1e-12));
    REQUIRE(s.alpha_m(1) == Approx(1.0).epsilon(1e-9));
    REQUIRE(s.alpha_m(2) == Approx(1.0).epsilon(1e-7));
    REQUIRE(s.alpha_n(3) == Approx(0.1).epsilon(1e-12));
    REQUIRE(s.alpha_n(4) == Approx(0.1).epsilon(1e-9));
    REQUIRE(s.alpha_n(5) == Approx(0.1).epsilon(1e-7));
    // q10: every rate times 3^((celsius - 6.3)/10)
    const HhRates warm = hh_rates(V, 3);
    REQUIRE((warm.beta_h - 3 * r.beta_h).abs().maxCoeff() < 1e-12);
    REQUIRE((warm.alpha_n - 3 * r.alpha_n).abs().maxCoeff() < 1e-12);
    HhParams p;
    p.celsius = 16.3;
    REQUIRE(p.q10() == Approx(3));
}

TEST_CASE("HH's exponential-Euler step at 0.01 ms follows a 10x finer one",
          "[neurons][hh]"
          "[exercise:neurons.hh_step]") {
    HodgkinHuxley coarse(1), fine(1);
    const Eigen::ArrayXd I = Eigen::ArrayXd::Constant(1, 10);
    double worst = 0;
    for (int k = 0; k < 3000; ++k) {  // 30 ms: two spikes
        coarse.step(I, kDt_ms);
        for (int j = 0; j < 10; ++j) fine.step(I, kDt_ms / 10);
        worst = std::max(worst, std::abs(coarse.s.V(0) - fine.s.V(0)));
    }
    CAPTURE(worst);
    REQUIRE(worst < 2.0);  // mV, at the steepest upstroke (a time shift of a few microseconds)
    // the gates stay in [0, 1] and the ionic currents are g (V - E) of the state
    REQUIRE(coarse.s.m(0) >= 0);
    REQUIRE(coarse.s.h(0) <= 1);
    REQUIRE(coarse.s.I_K(0) == Approx(36 * std::pow(coarse.s.n(0), 4) * (coarse.s.V(0) + 77)));
}

TEST_CASE(
    "HH at 6.3 degC: one spike at 2.3 uA/cm^2, type-II onset of repetitive firing near 6.3 at ~52 Hz, "
    "68 Hz at 10",
    "[neurons][hh][exercise:neurons.hh_step]") {
    const Eigen::ArrayXd I = (Eigen::ArrayXd(8) << 2.2, 2.3, 6.0, 6.2, 6.3, 10, 20, 50).finished();
    const auto t = hh_spikes(I, 500);
    REQUIRE(t[0].empty());       // 2.2: no spike
    REQUIRE(t[1].size() == 1);   // 2.3: a single spike (measured at 7.28 ms)
    REQUIRE(t[2].size() <= 3);   // 6.0: a few spikes, then rest
    REQUIRE(t[3].back() < 100);  // 6.2: the same
    REQUIRE(t[4].back() > 480);  // 6.3: sustained
    CAPTURE(last_isi_rate_hz(t[4]), last_isi_rate_hz(t[5]), last_isi_rate_hz(t[6]), last_isi_rate_hz(t[7]));
    REQUIRE(last_isi_rate_hz(t[4]) == Approx(52).margin(2));  // measured 52.4 Hz
    REQUIRE(last_isi_rate_hz(t[5]) == Approx(68).margin(2));  // measured 68.3 Hz
    REQUIRE(last_isi_rate_hz(t[6]) == Approx(86.5).margin(2));
    REQUIRE(last_isi_rate_hz(t[7]) == Approx(117).margin(2));
    REQUIRE(t[5].front() == Approx(1.91).margin(0.05));  // first-spike latency at 10 uA/cm^2 (ms)
}

TEST_CASE("HH's onset of sustained firing, bisected to 0.01 uA/cm^2, is a jump from 0 to about 50 Hz",
          "[neurons][hh]") {
    double lo = 6.0, hi = 6.5;  // not sustained at 6.0, sustained at 6.5
    REQUIRE_FALSE(sustained(lo));
    REQUIRE(sustained(hi));
    while (hi - lo > 0.01) {
        const double mid = 0.5 * (lo + hi);
        (sustained(mid) ? hi : lo) = mid;
    }
    CAPTURE(lo, hi);
    REQUIRE(hi > 6.2);  // the "no sustained firing below about 6.2"
    REQUIRE(hi < 6.3);
    const std::vector<double> t = hh_spikes(Eigen::ArrayXd::Constant(1, hi), 1000)[0];
    CAPTURE(last_isi_rate_hz(t));
    REQUIRE(last_isi_rate_hz(t) > 45);  // type II: the rate jumps from 0 to about 50 Hz
}

TEST_CASE("HH's celsius speeds the gates: a warmer axon spikes sooner and faster", "[neurons][hh]") {
    HhParams warm;
    warm.celsius = 16.3;
    HodgkinHuxley cold(1), hot(1, warm);
    const auto I = [](double) { return 10.0; };
    const std::vector<double> tc = spike_times(cold, I, kDt_ms, 300), th = spike_times(hot, I, kDt_ms, 300);
    CAPTURE(tc.size(), th.size());
    REQUIRE(th.size() > tc.size());
    REQUIRE(th.front() < tc.front());
}

TEST_CASE("HH's one-neuron step (fixed-size arrays) gives the numbers of the same neuron among three",
          "[neurons][hh]") {
    HodgkinHuxley one(1), three(3);
    double worst_mV = 0, worst_gate = 0;
    int spikes = 0;
    for (int k = 0; k < 100000; ++k) {  // 1 s: 10 ms steps of 3 and 10 uA/cm^2, a NaN now and then
        const double I = k % 7000 == 5 ? NAN : (k / 1000) % 2 ? 10 : 3;
        one.step(Eigen::ArrayXd::Constant(1, I), kDt_ms);
        three.step(Eigen::ArrayXd::Constant(3, I), kDt_ms);
        worst_mV = std::max(worst_mV, (three.s.V - one.s.V(0)).abs().maxCoeff());
        worst_gate = std::max(worst_gate, (three.s.m - one.s.m(0)).abs().maxCoeff());
        worst_gate = std::max(worst_gate, (three.s.n - one.s.n(0)).abs().maxCoeff());
        REQUIRE((three.spiked == one.spiked(0)).all());
        spikes += int(one.spiked(0));
    }
    CAPTURE(worst_mV, worst_gate, spikes);
    REQUIRE(spikes > 20);
    REQUIRE(worst_mV < 1e-9);  // measured 2.4e-12 mV: Eigen's vectorised exp is within an ulp of std::exp
    REQUIRE(worst_gate < 1e-12);
    REQUIRE(one.s.I_K(0) == Approx(three.s.I_K(2)).epsilon(1e-12));
}
