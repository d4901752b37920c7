// Lab 2's public tests: the FA and DFA backward passes on a seeded 6-5-4-3 tanh net, compared with the
// reference's weight gradients (inputs from random_stream(seed, Stream::Probe)).
#include "engine/feedback_alignment.h"
#include "engine/mlp.h"
#include "engine/random_matrix.h"
#include "engine/random_streams.h"
#include "labs/exercise.h"

namespace pl {

constexpr double kExact = 1e-9;  // largest |error| of a formula that is the reference's, up to rounding

// dL/dW of every layer of a seeded 6-5-4-3 tanh net after Rule's backward pass on a batch of 4 and a random
// output error.
template <class Rule>
static std::vector<ProbeOutput> weight_grads(uint64_t seed, const std::string& hint) {
    Rng rng = random_stream(seed, Stream::Probe);
    Mlp net({6, 5, 4, 3}, ActivationKind::Tanh, rng);
    Rule rule(net, rng);
    net.forward(normal_matrix(rng, 6, 4, 1.0), true);
    rule.backward(net, normal_matrix(rng, 3, 4, 1.0));
    std::vector<ProbeOutput> outputs;
    for (Linear* layer : net.linears())
        outputs.push_back({"the update of " + layer->W.name, layer->W.grad, kExact, hint});
    return outputs;
}

std::vector<ExerciseProbe> feedback_alignment_exercise_probes() {
    return {
        {"feedback-alignment.fa_backward", "6-5-4-3 tanh net, batch of 4",
         [](uint64_t seed) {
             return weight_grads<FeedbackAlignment>(
                 seed,
                 "the top layer learns as in backprop; below it the error goes down through B_l "
                 "(feedback_[l - 1]), never W^T, and is multiplied by f'(a) at every hidden layer.");
         }},
        {"feedback-alignment.dfa_backward", "6-5-4-3 tanh net, batch of 4",
         [](uint64_t seed) {
             return weight_grads<DirectFeedbackAlignment>(
                 seed,
                 "every hidden layer k gets the output error e directly: delta_k = (B_k e) .* f'(a_k), not "
                 "the error of the layer above.");
         }},
    };
}

}  // namespace pl
