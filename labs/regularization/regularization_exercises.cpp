// The public tests of Lab 4's exercises: inverted dropout forward and backward (engine/dropout.cpp) and the
// max-norm projection (engine/regularizers.cpp). The dropout outputs do not depend on the order of the draws.
#include <algorithm>
#include "engine/dropout.h"
#include "engine/random_matrix.h"
#include "engine/random_streams.h"
#include "engine/regularizers.h"
#include "labs/exercise.h"

namespace pl {

namespace {

constexpr double kDropRate = 0.3;  // p of the dropout probes
constexpr int kMasks = 10000;      // forward passes averaged over (standard error of E[y] < 0.01)

// 4 x 5 inputs with |x| in [0.5, 1.5] and either sign: y / x is defined everywhere
Mat probe_input(Rng& rng) {
    Mat x(4, 5);
    for (Real& v : x.reshaped()) {
        const double sign = rng.uniform() < 0.5 ? -1.0 : 1.0;
        v = sign * rng.uniform(0.5, 1.5);
    }
    return x;
}

std::vector<ProbeOutput> dropout_forward(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    const Mat x = probe_input(rng);
    Dropout dropout(kDropRate, rng.next());
    // the smallest and largest y / x of the kept units (0, 0 if every unit was dropped)
    const Arr ratio = dropout.forward(x, true).cwiseQuotient(x).array();
    const bool any_kept = (ratio != 0).any();
    Mat kept_ratio(1, 2);
    kept_ratio << (ratio != 0).select(ratio, 1e300).minCoeff(), (ratio != 0).select(ratio, -1e300).maxCoeff();
    if (!any_kept) kept_ratio.setZero();
    Mat mean_y = Mat::Zero(x.rows(), x.cols());
    double dropped = 0;
    for (int k = 0; k < kMasks; ++k) {
        const Mat y = dropout.forward(x, true);
        mean_y += y / kMasks;
        dropped += double((y.array() == 0).count()) / double(y.size() * kMasks);
    }
    return {
        {"y / x of the kept units (smallest, largest)", kept_ratio, 1e-12,
         "a kept unit is x / (1 - p) (inverted dropout): did you scale by 1 - p, or not at all?"},
        {"share of the units dropped (p = 0.3)", Mat::Constant(1, 1, dropped), 0.01,
         "each unit is dropped with probability p: keep it where rng_.uniform() < 1 - p"},
        {"E[y] over 10,000 masks (must be x)", mean_y, 0.07,
         "inverted dropout keeps the mean: E[y] = x, so the kept units are divided by 1 - p"},
    };
}

std::vector<ProbeOutput> dropout_backward(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    const Mat x = probe_input(rng);
    const Mat dL_dy = normal_matrix(rng, 4, 5, 1.0);
    Dropout dropout(kDropRate, rng.next());
    const Mat y = dropout.forward(x, true);
    const Mat dL_dx = dropout.backward(dL_dy);
    dropout.forward(x, false);
    return {
        {"dL/dx - dL/dy .* y / x (must be 0)", dL_dx - dL_dy.cwiseProduct(y.cwiseQuotient(x)), 1e-12,
         "dL/dx = dL/dy .* mask / (1 - p) with the forward's own mask: dropped units get no gradient"},
        {"dL/dx after an inference forward", dropout.backward(dL_dy), 0,
         "at inference there is no mask (mask_ is empty): dL/dx = dL/dy"},
    };
}

std::vector<ProbeOutput> max_norm(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    Linear first(5, 4, rng), second(4, 3, rng);
    for (Linear* layer : {&first, &second}) {
        layer->W.value.row(0) *= 3;    // longer than c
        layer->W.value.row(1) *= 0.1;  // shorter than c
    }
    project_max_norm({&first, &second}, 1.2);
    const std::string hint =
        "row i of W (unit i's incoming weights) longer than c becomes c w_i / ||w_i||, shorter rows stay: "
        "did "
        "you use columns or the whole matrix's norm?";
    return {
        {"W_1 after the projection (c = 1.2)", first.W.value, 1e-12, hint},
        {"W_2 after the projection (c = 1.2)", second.W.value, 1e-12, hint},
    };
}

}  // namespace

std::vector<ExerciseProbe> regularization_exercise_probes() {
    return {
        {"regularization.dropout_forward", "4 x 5 inputs, p = 0.3", dropout_forward},
        {"regularization.dropout_backward", "4 x 5 inputs, p = 0.3", dropout_backward},
        {"regularization.max_norm", "a 5-4-3 net, c = 1.2", max_norm},
    };
}

}  // namespace pl
