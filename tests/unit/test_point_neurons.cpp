// The point-neuron models (engine/point_neuron.h) against closed forms and published figures: LIF's f-I
// curve, Naud et al.'s AdEx patterns and Izhikevich's cell classes from spike times; every model's table,
// reset and behaviour under a NaN or huge current. Hodgkin-Huxley's figures: test_hodgkin_huxley.cpp.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include "engine/adex_neuron.h"
#include "engine/izhikevich_neuron.h"
#include "engine/lif_neuron.h"
#include "engine/point_neuron.h"
#include "tests/unit/spike_times_helper.h"

using namespace pl;

namespace {

std::unique_ptr<PointNeurons> make_default(const std::string& model, int n) {
    const PointNeuronModel& m = point_neuron_table().find(model).value;
    return m.make(n, defaults_of(m.params()));
}

// A current that makes each model fire at its defaults (its own unit)
double firing_current(const std::string& model) {
    if (model == "lif") return 500;    // pA; rheobase 375 pA
    if (model == "adex") return 1000;  // pA: Brette & Gerstner's step
    if (model == "hh") return 10;      // uA/cm^2
    return 10;                         // Izhikevich
}

}  // namespace

TEST_CASE("The point-neuron table has lif, adex, izhikevich, hh with unique parameter names in range",
          "[neurons]") {
    const auto& table = point_neuron_table();
    REQUIRE(table.names() == std::vector<std::string>{"lif", "adex", "izhikevich", "hh"});
    REQUIRE_THROWS_WITH(table.find("lif2"), Catch::Contains("valid: lif, adex, izhikevich, hh"));
    std::set<std::string> names;
    for (const auto& entry : table.entries()) {
        for (const ModelParam& p : entry.value.params()) {
            CAPTURE(entry.name, p.name);
            REQUIRE(names.insert(p.name).second);  // unique across the table
            REQUIRE(p.min <= p.def);
            REQUIRE(p.def <= p.max);
            REQUIRE_FALSE(p.help.empty());
            const bool prefixed =
                p.name.rfind(entry.name == "izhikevich" ? "izh_" : entry.name + "_", 0) == 0;
            REQUIRE((prefixed || p.name == "celsius"));
        }
        auto neurons = entry.value.make(3, defaults_of(entry.value.params()));
        REQUIRE(neurons->size() == 3);
        REQUIRE(neurons->variables()[0].name == "V");
        REQUIRE(neurons->variables()[0].unit == "mV");
    }
}

TEST_CASE("Every preset names parameters of its model's table, inside their ranges", "[neurons]") {
    for (const auto& entry : point_neuron_table().entries()) {
        const std::vector<ModelParam>& table = entry.value.params();
        for (const NeuronPreset& preset : entry.value.presets()) {
            for (const auto& [name, value] : preset.values) {
                CAPTURE(entry.name, preset.name, name, value);
                const auto it = std::find_if(table.begin(), table.end(),
                                             [&](const ModelParam& p) { return p.name == name; });
                REQUIRE(it != table.end());
                REQUIRE(it->min <= value);
                REQUIRE(value <= it->max);
            }
        }
    }
    REQUIRE(point_neuron_table().find("adex").value.presets().size() == 8);
    REQUIRE(point_neuron_table().find("izhikevich").value.presets().size() == 7);
    REQUIRE(point_neuron_table().find("lif").value.closed_form_rate_hz == lif_rate_hz_of);
}

TEST_CASE("Every model: reset() gives the same trajectory again, a NaN or huge current leaves it finite",
          "[neurons]") {
    for (const std::string& model : point_neuron_table().names()) {
        CAPTURE(model);
        auto neurons = make_default(model, 2);
        const double dt_ms = model == "hh" ? 0.01 : 0.1;
        const double I = firing_current(model);
        const auto run = [&] {  // 2 neurons, 100 ms; V at every step, spikes counted
            const long steps = std::lround(100 / dt_ms);
            Eigen::ArrayXXd V(2, steps);
            for (long k = 0; k < steps; ++k) {
                neurons->step(Eigen::Array2d(I, 0.5 * I), dt_ms);
                V.col(k) = neurons->variable(0);
            }
            return V;
        };
        neurons->reset();
        const Eigen::ArrayXXd first = run();
        neurons->reset();
        const Eigen::ArrayXXd again = run();
        REQUIRE((first == again).all());  // bit for bit
        REQUIRE(first.allFinite());

        neurons->reset();
        const double nan = std::nan("");
        int spikes = 0;
        for (const double bad : {nan, 1e300, -1e300, double(INFINITY), -double(INFINITY), 1e300}) {
            for (int k = 0; k < 200; ++k) {
                neurons->step(Eigen::Array2d(bad, I), dt_ms);
                spikes += int(neurons->spiked.sum());
                for (int v = 0; v < int(neurons->variables().size()); ++v)
                    REQUIRE(neurons->variable(v).allFinite());
            }
        }
        REQUIRE(spikes > 0);  // the huge currents drive spikes, no NaN
    }
}

TEST_CASE("LIF's measured rate matches the closed form within 0.5% over the f-I range",
          "[neurons]"
          "[exercise:neurons.lif_propagator]") {
    const LifNeuronParams p;
    const double rheobase_pA = (p.V_th_mV - p.E_L_mV) / p.R_GOhm();
    REQUIRE(rheobase_pA == Approx(375));
    REQUIRE(lif_rate_hz(p, rheobase_pA) == 0);
    REQUIRE(lif_rate_hz(p, 300) == 0);
    REQUIRE(lif_rate_hz(p, 1000) ==
            Approx(1000 / (2 + 10 * std::log(40.0 / 25))));  // V_inf = -25 mV: 149.3 Hz
    REQUIRE(lif_rate_hz_of(defaults_of(lif_neuron_param_table()), 1000) == lif_rate_hz(p, 1000));
    // 380 pA (4 Hz) to 3000 pA (286 Hz), all at once; the rate from the mean ISI over 2 s
    const Eigen::ArrayXd I = Eigen::ArrayXd::LinSpaced(14, 380, 3000);
    LifNeurons lif(int(I.size()), p);
    const auto times = spike_times(
        lif, [&](double) { return I; }, 0.01, 2000);
    double worst = 0;
    for (int i = 0; i < I.size(); ++i) {
        const double measured = 1000 / mean_of(interspike_intervals(times[i]));
        const double exact = lif_rate_hz(p, I(i));
        CAPTURE(I(i), measured, exact);
        REQUIRE(times[i].size() >= 8);
        worst = std::max(worst, std::abs(measured / exact - 1));
    }
    CAPTURE(worst);
    REQUIRE(worst < 0.005);  // measured 0.20% at dt 0.01 ms (each ISI rounds up to whole steps: < dt / T)
}

TEST_CASE(
    "LIF's membrane follows E_L + R I (1 - exp(-t/tau_m)) exactly below threshold, and stays at "
    "V_reset for t_ref",
    "[neurons][exercise:neurons.lif_propagator]") {
    const LifNeuronParams p;
    LifNeurons lif(1, p);
    const double dt_ms = 0.25, I_pA = 300;  // 12 mV of the 15 mV to threshold
    for (int k = 1; k <= 200; ++k) {
        lif.step(Eigen::ArrayXd::Constant(1, I_pA), dt_ms);
        const double exact = p.E_L_mV + p.R_GOhm() * I_pA * (1 - std::exp(-k * dt_ms / p.tau_m_ms));
        REQUIRE(lif.s.V(0) == Approx(exact).epsilon(1e-12));
    }
    REQUIRE(lif.spiked(0) == 0);
    // a large current: a spike in the first step, then t_ref / dt = 8 steps at V_reset, then free
    lif.reset();
    lif.step(Eigen::ArrayXd::Constant(1, 1e5), dt_ms);
    REQUIRE(lif.spiked(0) == 1);
    for (int k = 0; k < 8; ++k) {
        lif.step(Eigen::ArrayXd::Constant(1, 1e5), dt_ms);
        REQUIRE(lif.s.V(0) == p.V_reset_mV);
        REQUIRE(lif.spiked(0) == 0);
    }
    lif.step(Eigen::ArrayXd::Constant(1, 1e5), dt_ms);
    REQUIRE(lif.spiked(0) == 1);
}

TEST_CASE("LIF's rate error is below dt / T: the ISI rounds up to whole steps", "[neurons]") {
    const LifNeuronParams p;
    const Eigen::ArrayXd I = Eigen::ArrayXd::LinSpaced(14, 380, 3000);
    const double T_min_ms = 1000 / lif_rate_hz(p, I(I.size() - 1));  // the shortest ISI: 3.34 ms
    for (const double dt_ms : {0.1, 0.01}) {
        LifNeurons lif(int(I.size()), p);
        const auto times = spike_times(
            lif, [&](double) { return I; }, dt_ms, 1000);
        double worst = 0;
        for (int i = 0; i < I.size(); ++i)
            worst = std::max(
                worst, std::abs(1000 / mean_of(interspike_intervals(times[i])) / lif_rate_hz(p, I(i)) - 1));
        CAPTURE(dt_ms, worst);
        REQUIRE(worst < dt_ms / T_min_ms);  // measured 2.56% at 0.1 ms, 0.20% at 0.01 ms (0.021% at 0.001)
        REQUIRE(worst > 0.2 * dt_ms / T_min_ms);  // the error is the rounding, not zero by luck
    }
}

TEST_CASE("AdEx: each of Naud et al.'s eight presets fires its pattern (classified from spike times)",
          "[neurons]") {
    const std::pair<std::string, std::string> expected[] = {
        {"tonic", "tonic"},
        {"adapting", "adapting"},
        {"initial-burst", "initial-burst"},
        {"regular-bursting", "bursting"},
        {"delayed-accelerating", "delayed"},
        {"delayed-regular-bursting", "delayed"},
        {"transient", "transient"},
        {"irregular", "irregular"},
    };
    for (const double dt_ms : {0.1, 0.01}) {  // Naud's 0.1 ms and a finer one: the same classes
        for (const auto& [name, pattern] : expected) {
            const NeuronPreset& preset = *std::find_if(adex_presets().begin(), adex_presets().end(),
                                                       [&](const NeuronPreset& p) { return p.name == name; });
            AdexNeurons adex(1, adex_params(preset_lookup(adex_param_table(), preset)));
            const std::vector<double> t = spike_times(adex, preset_current(preset), dt_ms, preset.run_ms);
            CAPTURE(dt_ms, name, t.size(), t);
            REQUIRE(firing_class(t, preset.run_ms) == pattern);
        }
    }
}

TEST_CASE("AdEx: the defaults are Brette & Gerstner's regular spiking, adapting under their 1 nA step",
          "[neurons]") {
    AdexNeurons adex(1);
    const std::vector<double> t = spike_times(
        adex, [](double) { return 1000.0; }, 0.1, 500);
    CAPTURE(t);
    REQUIRE(firing_class(t, 500) == "adapting");
}

TEST_CASE("AdEx's phase plane: the nullclines are where dV/dt and dw/dt vanish", "[neurons]") {
    AdexNeurons adex(1);
    const Eigen::ArrayXd V = Eigen::ArrayXd::LinSpaced(30, -80, -45);
    const double I = 300;
    const PhasePlane plane = adex.phase_plane(I, V);
    REQUIRE(plane.reset_mV == adex.p.V_r_mV);
    for (int k = 0; k < V.size(); ++k) {  // one Euler step from (V, w on the V-nullcline) leaves V unchanged
        adex.s.V.setConstant(V(k));
        adex.s.w.setConstant(plane.v_nullcline(k));
        adex.step(Eigen::ArrayXd::Constant(1, I), 0.1);
        REQUIRE(adex.s.V(0) == Approx(V(k)).margin(1e-9));
        adex.s.V.setConstant(V(k));
        adex.s.w.setConstant(plane.w_nullcline(k));
        adex.step(Eigen::ArrayXd::Constant(1, I), 0.1);
        REQUIRE(adex.s.w(0) == Approx(plane.w_nullcline(k)).margin(1e-9));
    }
}

namespace {

std::vector<double> izhikevich_times(const std::string& name, double dt_ms) {
    const NeuronPreset& preset = *std::find_if(izhikevich_presets().begin(), izhikevich_presets().end(),
                                               [&](const NeuronPreset& p) { return p.name == name; });
    IzhikevichNeurons izh(1, izhikevich_params(preset_lookup(izhikevich_param_table(), preset)));
    return spike_times(izh, preset_current(preset), dt_ms, preset.run_ms);
}

// The mean ISI in the first 50 ms of firing over the last ISI: about 1 without adaptation
double early_over_late(const std::vector<double>& t) {
    std::vector<double> early;
    for (size_t k = 1; k < t.size() && t[k] < t[0] + 50; ++k) early.push_back(t[k] - t[k - 1]);
    return mean_of(early) / (t.back() - t[t.size() - 2]);
}

}  // namespace

TEST_CASE("Izhikevich: RS, IB, CH show their signature at net.m's 1 ms and at 0.1 ms", "[neurons]") {
    for (const double dt_ms : {1.0, 0.1}) {
        CAPTURE(dt_ms);
        const std::vector<double> rs = interspike_intervals(izhikevich_times("RS", dt_ms));
        CAPTURE(rs);
        REQUIRE(rs.back() > rs.front());  // adapts: 39 -> 48 ms at 1 ms, 17.8 -> 45.1 ms at 0.1 ms
        const std::vector<double> ib = izhikevich_times("IB", dt_ms);
        CAPTURE(ib);
        REQUIRE(firing_class(ib, 300) == "initial-burst");  // a burst, then single spikes at a steady rate
        const std::vector<double> ch = interspike_intervals(izhikevich_times("CH", dt_ms));
        CAPTURE(ch);
        REQUIRE(bursts(std::vector<double>(ch.begin() + ch.size() / 2, ch.end())));  // bimodal, repeated
    }
}

TEST_CASE("Izhikevich: LTS adapts, FS fires fast without adapting (at 0.1 ms, 1 ms is irregular for them)",
          "[neurons]") {
    const std::vector<double> lts = izhikevich_times("LTS", 0.1), fs = izhikevich_times("FS", 0.1);
    const std::vector<double> lts_isi = interspike_intervals(lts), fs_isi = interspike_intervals(fs);
    CAPTURE(lts_isi, fs_isi);
    REQUIRE(lts_isi.back() > 1.5 * lts_isi.front());  // measured 3.1 -> 13.8 ms
    REQUIRE(early_over_late(lts) < 0.6);              // measured 0.52 (RS 0.39)
    REQUIRE(1000 / fs_isi.back() > 100);              // measured 128 Hz
    REQUIRE(early_over_late(fs) > 0.85);              // measured 0.88
    REQUIRE(coefficient_of_variation(std::vector<double>(fs_isi.begin() + 5, fs_isi.end())) < 0.02);
}

TEST_CASE("Izhikevich: TC fires a rebound burst when released from hyperpolarisation", "[neurons]") {
    const NeuronPreset& tc = izhikevich_presets()[5];
    REQUIRE(tc.name == "TC");
    REQUIRE(tc.base_current < 0);
    for (const double dt_ms : {1.0, 0.1}) {
        const std::vector<double> t = izhikevich_times("TC", dt_ms);
        CAPTURE(dt_ms, t);
        REQUIRE(t.size() >= 3);                         // measured 3 at 1 ms, 5 at 0.1 ms
        REQUIRE(t.front() > tc.step_start_ms);          // nothing while hyperpolarised
        REQUIRE(t.back() < tc.step_start_ms + 40);      // a burst right after the release, then rest
        REQUIRE(interspike_intervals(t).front() < 10);  // at a high rate
    }
}

TEST_CASE("Izhikevich: RZ resonates: a pulse pair fires at its ~40 ms period, not at 20-30 ms or alone",
          "[neurons]") {
    const NeuronPreset& rz = izhikevich_presets()[6];
    REQUIRE(rz.name == "RZ");
    // two 1 ms pulses of 2.4 at 50 ms and 50 + gap ms, net.m's dt 1 ms; the threshold amplitude is 2.67 for
    // one pulse, 2.64 at a 20 ms gap (the second pulse meets the trough), 2.24 at 40 ms (the next crest)
    const auto spikes_with_gap = [&](double gap_ms) {
        IzhikevichNeurons izh(1, izhikevich_params(preset_lookup(izhikevich_param_table(), rz)));
        const auto pulses = [gap_ms](double t) {
            const bool first = t >= 50 && t<51, second = gap_ms> 0 && t >= 50 + gap_ms && t < 51 + gap_ms;
            return first || second ? 2.4 : 0.0;
        };
        return spike_times(izh, pulses, 1.0, 300).size();
    };
    REQUIRE(spikes_with_gap(0) == 0);  // one pulse alone
    REQUIRE(spikes_with_gap(20) == 0);
    REQUIRE(spikes_with_gap(30) == 0);
    REQUIRE(spikes_with_gap(40) == 1);  // resonance
    REQUIRE(spikes_with_gap(80) == 0);
}

TEST_CASE("Izhikevich's step is net.m's at dt 1 ms, bit for bit",
          "[neurons][exercise:neurons.izhikevich_update]") {
    // net.m for 3 RS/CH/FS-like neurons with a fixed thalamic input sequence
    const double a = 0.02, b = 0.2, c = -50, d = 2;
    IzhikevichNeurons izh(3, {a, b, c, d});
    Eigen::ArrayXd v = izh.s.v, u = izh.s.u;
    for (int t = 0; t < 400; ++t) {
        const Eigen::ArrayXd I = Eigen::Array3d(4, 8, 15) * (1 + 0.5 * std::sin(0.1 * t));
        Eigen::ArrayXd fired = Eigen::ArrayXd::Zero(3);
        for (int i = 0; i < 3; ++i) {  // net.m: fired = find(v >= 30); v(fired) = c; u(fired) += d
            if (v(i) >= 30) {
                v(i) = c;
                u(i) += d;
            }
        }
        v = v + 0.5 * (0.04 * v.square() + 5 * v + 140 - u + I);
        v = v + 0.5 * (0.04 * v.square() + 5 * v + 140 - u + I);
        u = u + a * (b * v - u);
        for (int i = 0; i < 3; ++i) fired(i) = v(i) >= 30 ? 1 : 0;
        izh.step(I, 1.0);
        REQUIRE((izh.spiked == fired).all());
        REQUIRE((izh.s.u == u).all());
        REQUIRE((izh.s.v == v.min(30)).all());  // shown clipped at the peak
    }
}

TEST_CASE("Izhikevich's phase plane: the nullclines are where dv/dt and du/dt vanish", "[neurons]") {
    IzhikevichNeurons izh(1);
    const Eigen::ArrayXd v = Eigen::ArrayXd::LinSpaced(20, -80, -50);
    const PhasePlane plane = izh.phase_plane(5, v);
    const Eigen::ArrayXd dv = 0.04 * v.square() + 5 * v + 140 - plane.v_nullcline + 5;
    REQUIRE(dv.abs().maxCoeff() < 1e-12);
    REQUIRE((plane.w_nullcline - izh.p.b * v).abs().maxCoeff() < 1e-12);
    REQUIRE(plane.reset_mV == izh.p.c);
    REQUIRE(izhikevich_rest_mV(izh.p) == Approx(-70));  // RS: 0.04 v^2 + 4.8 v + 140 = 0
}
