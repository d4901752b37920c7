// The public tests of the neurons lab's exercises: the Hodgkin-Huxley rates and step
// (engine/hodgkin_huxley.cpp), the LIF exact update (engine/lif_neuron.cpp) and the Izhikevich net.m step
// (engine/izhikevich_neuron.cpp), each on seeded voltages or currents.
#include "engine/hodgkin_huxley.h"
#include "engine/izhikevich_neuron.h"
#include "engine/lif_neuron.h"
#include "engine/random_streams.h"
#include "labs/exercise.h"

namespace pl {

namespace {

Mat row(const Eigen::ArrayXd& x) { return x.matrix().transpose().cast<Real>(); }

// 14 voltages: 12 uniform in [-100, 50) mV and the removable singularities -40 (alpha_m) and -55 (alpha_n)
std::vector<ProbeOutput> hh_rate_outputs(uint64_t seed, double celsius) {
    Rng rng = random_stream(seed, Stream::Probe);
    Eigen::ArrayXd V(14);
    for (int k = 0; k < 12; ++k) V(k) = rng.uniform(-100, 50);
    V(12) = -40;
    V(13) = -55;
    HhParams p;
    p.celsius = celsius;
    const HhRates r = hh_rates(V, p.q10());
    const std::string vtrap = "at V = -40 and -55 vtrap is 0/0: use its limit y (1 - x/y/2) for tiny x/y";
    const std::string sign = "check the signs inside exp() and vtrap(-(V + 40), 10)";
    return {
        {"alpha_m (1/ms)", row(r.alpha_m), 1e-9, vtrap},
        {"beta_m (1/ms)", row(r.beta_m), 1e-9, sign},
        {"alpha_h (1/ms)", row(r.alpha_h), 1e-9, sign},
        {"beta_h (1/ms)", row(r.beta_h), 1e-9, "beta_h = 1/(exp(-(V+35)/10) + 1)"},
        {"alpha_n (1/ms)", row(r.alpha_n), 1e-9, vtrap},
        {"beta_n (1/ms)", row(r.beta_n), 1e-9, "every rate is multiplied by q10 = 3^((celsius - 6.3)/10)"},
    };
}

std::vector<ProbeOutput> hh_rates_squid(uint64_t seed) { return hh_rate_outputs(seed, 6.3); }
std::vector<ProbeOutput> hh_rates_warm(uint64_t seed) { return hh_rate_outputs(seed, 18.5); }

// 3 neurons from rest under steps of U[0, 20) uA/cm^2, 6 ms at dt 0.01 ms: V, m, h, n every 0.1 ms
std::vector<ProbeOutput> hh_step_outputs(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    Eigen::ArrayXd I(3);
    for (double& i : I) i = rng.uniform(0, 20);
    HodgkinHuxley hh(3);
    const int samples = 60, steps_per_sample = 10;
    Mat V(3, samples), m(3, samples), h(3, samples), n(3, samples);
    for (int k = 0; k < samples; ++k) {
        for (int j = 0; j < steps_per_sample; ++j) hh.step(I, 0.01);
        V.col(k) = hh.s.V.matrix().cast<Real>();
        m.col(k) = hh.s.m.matrix().cast<Real>();
        h.col(k) = hh.s.h.matrix().cast<Real>();
        n.col(k) = hh.s.n.matrix().cast<Real>();
    }
    return {
        {"V (mV)", V, 1e-6,
         "V's update uses the new gates: V_inf = (g_Na m^3 h E_Na + g_K n^4 E_K + g_L E_L + I) / g_total"},
        {"m", m, 1e-8, "the gates relax towards x_inf = alpha/(alpha + beta) by exp(-dt (alpha + beta))"},
        {"h", h, 1e-8, "the rates come from the old V, before V's update"},
        {"n", n, 1e-8, "g_K n^4: the fourth power"},
    };
}

// 4 LIF neurons under currents U[0, 1500) pA redrawn every 5 ms, 40 ms at dt 0.1 ms: V and the spikes
std::vector<ProbeOutput> lif_outputs(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    LifNeurons lif(4);
    const int steps = 400;
    Mat V(4, steps), S(4, steps);
    Eigen::ArrayXd I(4);
    for (int k = 0; k < steps; ++k) {
        if (k % 50 == 0)
            for (double& i : I) i = rng.uniform(0, 1500);
        lif.step(I, 0.1);
        V.col(k) = lif.s.V.matrix().cast<Real>();
        S.col(k) = lif.spiked.matrix().cast<Real>();
    }
    return {
        {"V (mV)", V, 1e-9,
         "V <- V_inf + (V - V_inf) exp(-dt/tau_m) with V_inf = E_L + R I; refractory neurons stay at "
         "V_reset"},
        {"spiked", S, 1e-12, "a spike when V >= V_th after the update; then V_reset for t_ref / dt steps"},
    };
}

// 4 Izhikevich neurons (RS, IB, CH, FS) under currents 10 + 3 N(0, 1) per step, 200 ms at net.m's dt 1 ms
std::vector<ProbeOutput> izhikevich_outputs(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    const IzhikevichParams cells[] = {
        {0.02, 0.2, -65, 8}, {0.02, 0.2, -55, 4}, {0.02, 0.2, -50, 2}, {0.1, 0.2, -65, 2}};
    std::vector<IzhikevichNeurons> neurons;
    for (const IzhikevichParams& p : cells) neurons.emplace_back(1, p);
    const int steps = 200;
    Mat v(4, steps), u(4, steps), S(4, steps);
    for (int k = 0; k < steps; ++k) {
        for (int i = 0; i < 4; ++i) {
            neurons[i].step(Eigen::ArrayXd::Constant(1, 10 + 3 * rng.normal()), 1.0);
            v(i, k) = neurons[i].s.v(0);
            u(i, k) = neurons[i].s.u(0);
            S(i, k) = neurons[i].spiked(0);
        }
    }
    return {
        {"v (mV)", v, 1e-9,
         "the spike test (v >= 30: v <- c, u <- u + d) comes first; v is stored as at most 30"},
        {"u", u, 1e-9, "u's step uses the v after both half-steps: u += dt a (b v - u)"},
        {"spiked", S, 1e-12, "spiked = 1 in the step where v reaches 30, the reset in the next step"},
    };
}

}  // namespace

std::vector<ExerciseProbe> neurons_exercise_probes() {
    return {
        {"neurons.hh_rates", "6.3 degC, 14 voltages with -40 and -55", hh_rates_squid},
        {"neurons.hh_rates", "18.5 degC (q10 = 3^1.22)", hh_rates_warm},
        {"neurons.hh_step", "3 neurons, steps of 0 to 20 uA/cm^2 from rest, 6 ms", hh_step_outputs},
        {"neurons.lif_propagator", "4 neurons, currents redrawn every 5 ms, 40 ms", lif_outputs},
        {"neurons.izhikevich_update", "RS, IB, CH, FS under noisy current, 200 ms", izhikevich_outputs},
    };
}

}  // namespace pl
