// Lab 1's public tests: the linear backward pass, the softmax cross-entropy gradient and Adam's step, each
// run on seeded inputs (random_stream(seed, Stream::Probe)) and compared with the reference's outputs.
#include "engine/linear.h"
#include "engine/loss.h"
#include "engine/optimizer.h"
#include "engine/random_matrix.h"
#include "engine/random_streams.h"
#include "labs/exercise.h"

namespace pl {

constexpr double kExact = 1e-9;  // largest |error| of a formula that is the reference's, up to rounding

// A 7 -> 5 layer, forward on a batch of 4, backward with a random dL/dy.
static std::vector<ProbeOutput> linear_backward_probe(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    Linear layer(7, 5, rng);
    layer.b.value = normal_matrix(rng, 5, 1, 1.0);
    layer.forward(normal_matrix(rng, 7, 4, 1.0), true);
    const Mat dx = layer.backward(normal_matrix(rng, 5, 4, 1.0));
    return {
        {"dL/dW", layer.W.grad, kExact, "dL/dW = g x^T has the shape of W (out x in): did you transpose x?"},
        {"dL/db", layer.b.grad, kExact, "dL/db sums g over the batch (one column per sample): b is out x 1."},
        {"dL/dx", dx, kExact, "dL/dx = W^T g has the shape of x (in x batch)."},
    };
}

// 10 classes, a batch of 6 with logits of size ~3 and random labels.
static std::vector<ProbeOutput> cross_entropy_probe(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    const Mat logits = normal_matrix(rng, 10, 6, 3.0);
    Mat onehot = Mat::Zero(10, 6);
    for (int b = 0; b < 6; ++b) onehot(rng.below(10), b) = 1.0;
    return {{"dL/dz", SoftmaxCrossEntropy().grad(logits, onehot), kExact,
             "dL/dz = (softmax(z) - y) / B: did you divide by the batch size B (the number of columns)?"}};
}

// Adam (lr 0.01) on a 4 x 3 parameter: three steps with new random gradients.
static std::vector<ProbeOutput> adam_probe(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    Param p{"W", normal_matrix(rng, 4, 3, 1.0), Mat()};
    Adam adam(0.01);
    std::vector<ProbeOutput> outputs;
    for (int t = 1; t <= 3; ++t) {
        p.grad = normal_matrix(rng, 4, 3, 1.0);
        adam.step({&p});
        outputs.push_back({"w after step " + std::to_string(t), p.value, kExact,
                           t == 1 ? "at t = 1 bias correction makes the step lr g / (|g| + eps) per weight."
                                  : "m and v must persist between steps, and t counts the steps."});
    }
    return outputs;
}

std::vector<ExerciseProbe> backprop_exercise_probes() {
    return {
        {"backprop.linear_backward", "7 -> 5 layer, batch of 4", linear_backward_probe},
        {"backprop.softmax_cross_entropy_grad", "10 classes, batch of 6", cross_entropy_probe},
        {"backprop.adam_step", "three steps on a 4 x 3 weight", adam_probe},
    };
}

}  // namespace pl
