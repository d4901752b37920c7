// Lab 2's public tests: the FA and DFA backward passes on a seeded 6-5-4-3 tanh net, compared with the
// reference's weight gradients (inputs from random_stream(seed, Stream::Probe)).
#include "engine/feedback_alignment.h"
#include "engine/mlp.h"
#include "engine/random_matrix.h"
#include "engine/random_streams.h"
#include "labs/exercise.h"

namespace pl {

constexpr double kExact = 1e-9;  // largest |error| of a formula that is the reference's, up to rounding

// dL/dW of every layer after rule.backward on a forward pass of a batch of 4 and a random output error.
static std::vector<ProbeOutput> weight_grads(Mlp& net, LearningRule& rule, Rng& rng,
                                             const std::string& hint) {
    net.forward(normal_matrix(rng, 6, 4, 1.0), true);
    rule.backward(net, normal_matrix(rng, 3, 4, 1.0));
    std::vector<ProbeOutput> outputs;
    for (Linear* layer : net.linears())
        outputs.push_back({"the update of " + layer->W.name, layer->W.grad, kExact, hint});
    return outputs;
}

static std::vector<ProbeOutput> fa_probe(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    Mlp net({6, 5, 4, 3}, ActivationKind::Tanh, rng);
    FeedbackAlignment fa(net, rng);
    return weight_grads(net, fa, rng,
                        "the top layer learns as in backprop; below it the error goes down through B_l "
                        "(feedback_[l - 1]), never W^T, and is multiplied by f'(a) at every hidden layer.");
}

static std::vector<ProbeOutput> dfa_probe(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    Mlp net({6, 5, 4, 3}, ActivationKind::Tanh, rng);
    DirectFeedbackAlignment dfa(net, rng);
    return weight_grads(net, dfa, rng,
                        "every hidden layer k gets the output error e directly: delta_k = (B_k e) .* "
                        "f'(a_k), not the error of the layer above.");
}

std::vector<ExerciseProbe> feedback_alignment_exercise_probes() {
    return {
        {"feedback-alignment.fa_backward", "6-5-4-3 tanh net, batch of 4", fa_probe},
        {"feedback-alignment.dfa_backward", "6-5-4-3 tanh net, batch of 4", dfa_probe},
    };
}

}  // namespace pl
