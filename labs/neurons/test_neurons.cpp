// The neurons lab as the CLI, the page and a grader drive it: HH at 10 uA/cm^2 (the 68 Hz), the lab's
// f-I sweep against the LIF closed form and HH's type-II onset, every preset's run, a network's metrics and
// reproducibility, and the refusals of impossible requests.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include "labs/neurons/neurons_lab.h"
#include "tests/lab_test_helpers.h"

using namespace pl;

using Metrics = std::map<std::string, double>;

TEST_CASE("neurons: HH at 10 uA/cm^2 fires at about 68 Hz, the final JSON's single-neuron keys", "[lab]") {
    NeuronsLab lab;
    const Metrics m = run_for_metrics(lab, "model=hh&amplitude=10");
    CHECK(m.at("rate_hz") == Approx(68).margin(1.5));
    CHECK(m.at("rate_hz") >= check_figure("neurons.hh_rate"));
    CHECK(m.at("spike_count") >= 12);
    CHECK(m.at("vmax_mv") > 30);
    CHECK(m.at("first_spike_ms") > 0);
    CHECK(m.at("cv_isi") < 0.05);  // regular firing
}

TEST_CASE("neurons: the lab's f-I sweep of the LIF matches its closed form within 0.5%", "[lab]") {
    NeuronsLab lab;
    run_for_metrics(lab, "model=lif&fi_curve=true&fi_min=0&fi_max=1000&fi_steps=41&duration=1000");
    const std::vector<double>& I = lab.fi.column("amplitude");
    const std::vector<double>& rate = lab.fi.column("rate_hz");
    REQUIRE(I.size() == 41);
    int firing = 0;
    for (size_t k = 0; k < I.size(); ++k) {
        const double closed = lab.model().closed_form_rate_hz(lookup_of(lab.settings().neuron), I[k]);
        INFO("I = " << I[k] << " pA: measured " << rate[k] << " Hz, closed form " << closed << " Hz");
        if (closed > 5) {  // at least 5 spikes in the second: a steady rate to measure
            CHECK(rate[k] == Approx(closed).epsilon(0.005));
            ++firing;
        } else if (closed == 0) {
            CHECK(rate[k] == 0);
        }
    }
    CHECK(firing >= 20);
    CHECK(lab.final_metrics().front().first == "epoch");  // the single neuron's row stays the final one
    CHECK(lab.sweep->marks().rheobase == Approx(375).margin(25));  // (V_th - E_L) / R = 15 mV / 40 MOhm
    CHECK(lab.model().closed_form_rate_hz(lookup_of(lab.settings().neuron), 500) ==
          Approx(63.05).epsilon(1e-3));
}

TEST_CASE("neurons: HH's f-I curve is type II: nothing sustained below 6.2, a jump to about 50 Hz", "[lab]") {
    NeuronsLab lab;
    run_for_metrics(lab, "model=hh&fi_curve=true&fi_min=6.0&fi_max=6.4&fi_steps=5&duration=1000");
    const std::vector<double>& rate = lab.fi.column("rate_hz");
    const FiMarks marks = lab.sweep->marks();
    INFO("rates at 6.0 .. 6.4 uA/cm^2: " << rate[0] << " " << rate[1] << " " << rate[2] << " " << rate[3]
                                         << " " << rate[4]);
    CHECK(marks.repetitive_onset > 6.15);
    CHECK(marks.repetitive_onset < 6.35);
    CHECK(marks.rate_at_onset_hz > 45);
    CHECK(marks.rheobase < marks.repetitive_onset);  // single spikes first (type II: a spike without a train)
}

TEST_CASE("neurons: every preset runs and fires, but for the resonator's subthreshold ones", "[lab]") {
    NeuronsLab lab;
    for (const Preset& preset : lab.params.presets()) {
        INFO("preset " << preset.name);
        const Metrics m = run_for_metrics(lab, "preset=" + preset.name);
        if (lab.network_mode())
            CHECK(m.at("rate_e_hz") > 0);
        else if (preset.name == "RZ" || preset.name == "RZ-off-resonance")
            CHECK(m.at("spike_count") == 0);
        else
            CHECK(m.at("spike_count") > 0);
        lab.params.reset_to_defaults();
    }
}

TEST_CASE("neurons: Izhikevich's resonator fires to pulses at its 40 ms period, not to faster or slower ones",
          "[lab]") {
    NeuronsLab lab;
    CHECK(run_for_metrics(lab, "preset=RZ-resonant").at("spike_count") >= 3);
    CHECK(run_for_metrics(lab, "preset=RZ-off-resonance").at("spike_count") == 0);  // 50 Hz: twice the charge
    CHECK(run_for_metrics(lab, "preset=RZ-resonant&frequency=12.5").at("spike_count") == 0);
}

TEST_CASE("neurons: a network's final keys, the same seed gives the same run, another seed another",
          "[lab]") {
    NeuronsLab a, b, c;
    const Metrics ma = run_for_metrics(a, "network=cuba&duration=300");
    const Metrics mb = run_for_metrics(b, "network=cuba&duration=300");
    const Metrics mc = run_for_metrics(c, "network=cuba&duration=300&seed=2");
    for (const char* key : {"rate_e_hz", "rate_i_hz", "cv_isi", "sim_speed"}) CHECK(ma.count(key) == 1);
    CHECK(ma.at("rate_e_hz") == mb.at("rate_e_hz"));
    CHECK(a.network->raster_t_ms == b.network->raster_t_ms);
    CHECK(a.network->raster_row == b.network->raster_row);
    CHECK(a.network->raster_row != c.network->raster_row);
    CHECK(a.summary.rows() == 3);  // a row per 100 ms
}

TEST_CASE("neurons: impossible requests are refused with a reason", "[lab]") {
    NeuronsLab lab;
    REQUIRE(lab.params.set_all("duration=10000&dt=0.001").empty());
    lab.reset();
    CHECK(lab.problem == Problem::BadSettings);
    CHECK_THAT(lab.error, Catch::Contains("raise dt or shorten the duration"));
    CHECK(lab.done());

    REQUIRE(lab.params.set_all("duration=100&dt=0.01&fi_curve=true&fi_min=10&fi_max=5").empty());
    lab.reset();
    CHECK_THAT(lab.error, Catch::Contains("fi_max must be above fi_min"));
}

TEST_CASE("neurons: a diverging integration stops with a message, not NaN plots", "[lab]") {
    NeuronsLab
        lab;  // AdEx at dt 1 ms with a huge current: Euler overshoots; the model clamps, the lab reports
    for (const std::string& message : lab.params.set_all("model=adex&dt=1&amplitude=10000")) FAIL(message);
    lab.reset();
    run_to_end(lab);
    const Metrics m = final_metrics_by_name(lab);
    CHECK((!lab.error.empty() || std::isfinite(m.at("vmax_mv"))));
}
