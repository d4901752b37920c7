// Lab 6's public tests: the EWC penalty and its gradient, SI's importance update at a context boundary and
// the replay loss mixing, each run on seeded inputs (random_stream(seed, Stream::Probe)) and compared with
// the reference's outputs.
#include "engine/random_matrix.h"
#include "engine/random_streams.h"
#include "engine/replay_memory.h"
#include "engine/synaptic_intelligence.h"
#include "labs/exercise.h"

namespace pl {

namespace {
constexpr double kExact = 1e-9;  // largest |error| of a formula that is the reference's, up to rounding

// Two params (a 3 x 4 weight and a 3 x 1 bias) anchored with a random positive Fisher, lambda = 5; their
// grads hold a task gradient the penalty's must be added to.
std::vector<ProbeOutput> ewc_penalty_probe(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    Param W{"W", normal_matrix(rng, 3, 4, 1.0), normal_matrix(rng, 3, 4, 1.0)};
    Param b{"b", normal_matrix(rng, 3, 1, 1.0), normal_matrix(rng, 3, 1, 1.0)};
    Anchor anchor;
    anchor.importance = {normal_matrix(rng, 3, 4, 1.0).cwiseAbs(), normal_matrix(rng, 3, 1, 1.0).cwiseAbs()};
    anchor.theta = {normal_matrix(rng, 3, 4, 1.0), normal_matrix(rng, 3, 1, 1.0)};
    const double value = quadratic_penalty({&W, &b}, anchor, 5.0);
    return {
        {"penalty", Mat::Constant(1, 1, value), kExact,
         "the penalty is lambda/2 sum F (theta - theta*)^2 over every entry of every param: did you forget "
         "the 1/2?"},
        {"dL/dW (task + penalty)", W.grad, kExact,
         "the penalty's gradient lambda F (theta - theta*) is added to the grad, not written over it."},
        {"dL/db (task + penalty)", b.grad, kExact, "every param gets its own term: the bias too."},
    };
}

// A 4 x 3 parameter with omega from an earlier context, its path integral W and total change Delta.
std::vector<ProbeOutput> si_importance_probe(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    const Mat omega = normal_matrix(rng, 4, 3, 1.0).cwiseAbs(), W = normal_matrix(rng, 4, 3, 1.0);
    const Mat delta = normal_matrix(rng, 4, 3, 0.5);
    return {
        {"omega after the boundary", si_importance(omega, W, delta, kSiDamping), kExact,
         "omega grows by W / (Delta^2 + xi): it keeps the earlier contexts' importance and squares Delta."}};
}

// Batches of 5 current and 3 replayed samples in contexts 1, 2 and 4; and 6 current ones with none replayed.
std::vector<ProbeOutput> replay_mixing_probe(uint64_t) {
    return {
        {"weights, context 1 (nothing to replay)", replay_mixing_weights(6, 0, 1), kExact,
         "with nothing replayed every current sample weighs 1/current: the loss is their mean."},
        {"weights, context 2", replay_mixing_weights(5, 3, 2), kExact,
         "t = 2: the current samples share 1/t of the loss, the replayed ones 1 - 1/t, each share split "
         "evenly."},
        {"weights, context 4", replay_mixing_weights(5, 3, 4), kExact,
         "t = 4: the current samples share 1/4, the replayed ones 3/4 (more contexts to remember)."},
    };
}
}  // namespace

std::vector<ExerciseProbe> continual_exercise_probes() {
    return {
        {"continual.ewc_penalty", "3 x 4 weight and bias, lambda = 5", ewc_penalty_probe},
        {"continual.si_importance", "a 4 x 3 parameter at a boundary", si_importance_probe},
        {"continual.replay_mixing", "5 current + 3 replayed samples", replay_mixing_probe},
    };
}

}  // namespace pl
