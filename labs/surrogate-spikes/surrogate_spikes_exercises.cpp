// The public tests of Lab 5's exercises: the LIF step (engine/lif_layer.cpp) on random input spikes, and the
// fast sigmoid surrogate derivative (engine/spike_function.cpp).
#include "engine/lif_layer.h"
#include "engine/random_matrix.h"
#include "engine/random_streams.h"
#include "engine/spike_function.h"
#include "labs/exercise.h"

namespace pl {

namespace {

// 3 inputs -> 4 LIF neurons (0 to 47 spikes each), batch 2, 30 steps of input spikes with probability 0.3;
// U, S and I_syn
std::vector<ProbeOutput> lif_outputs(uint64_t seed, const LifParams& params) {
    Rng rng = random_stream(seed, Stream::Probe);
    const int batch = 2, steps = 30;
    LifLayer lif(3, 4, params);
    lif.W.value = (normal_matrix(rng, 4, 3, 0.5).array() + 0.8).matrix();  // W ~ N(0.8, 0.5^2): spikes
    Mat s_in(3, steps * batch);
    for (Real& s : s_in.reshaped()) s = rng.uniform() < 0.3 ? 1.0 : 0.0;
    lif.forward(s_in, batch);
    return {
        {"U (membrane potential, before the reset)", lif.record.U, 1e-9,
         "U starts at rest without a step before t = 0, is recorded before the reset, and leaks by P = "
         "propagator()"},
        {"S (spikes)", lif.record.S, 1e-9,
         "S_t = spike.spikes(distance(U_t)); after a spike u resets (to rest, or down by theta - U_rest)"},
        {"I_syn (synaptic current)", lif.record.extra[0].value, 1e-9,
         "the impulse goes into H (or into I when tau_rise = 0) after the propagation of step t"},
    };
}

std::vector<ProbeOutput> lif_rise_rest(uint64_t seed) { return lif_outputs(seed, LifParams{}); }

std::vector<ProbeOutput> lif_jump_subtractive(uint64_t seed) {
    LifParams params;
    params.tau_rise_ms = 0;
    params.subtractive_reset = true;
    params.u_rest = -0.5;
    params.i_ext = 0.3;
    return lif_outputs(seed, params);
}

std::vector<ProbeOutput> fast_sigmoid(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    Mat v = normal_matrix(rng, 4, 5, 0.3);  // distances to threshold, in gaps
    v(0, 0) = 0;
    const std::string hint =
        "dS/dv = 1 / (beta |v| + 1)^2: 1 at v = 0, the same for -v; did you leave out |.| or "
        "the square?";
    return {
        {"dS/dv (beta = 10)", fast_sigmoid_grad(v, 10), 1e-12, hint},
        {"dS/dv (beta = 100)", fast_sigmoid_grad(v, 100), 1e-12, hint},
    };
}

}  // namespace

std::vector<ExerciseProbe> surrogate_spikes_exercise_probes() {
    return {
        {"surrogate-spikes.lif_step", "tau_rise 5 ms, reset to rest", lif_rise_rest},
        {"surrogate-spikes.lif_step", "tau_rise 0, subtractive reset, U_rest -0.5, i_ext 0.3",
         lif_jump_subtractive},
        {"surrogate-spikes.fast_sigmoid", "4 x 5 distances to threshold", fast_sigmoid},
    };
}

}  // namespace pl
