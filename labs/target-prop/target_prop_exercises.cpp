// The public tests of Lab 7's exercises: DTP's difference targets (engine/target_prop.cpp) and the
// predictive-coding inference step (engine/predictive_coding.cpp), on small tanh nets and a batch of 3.
#include "engine/mlp.h"
#include "engine/predictive_coding.h"
#include "engine/random_matrix.h"
#include "engine/random_streams.h"
#include "engine/target_prop.h"
#include "labs/exercise.h"

namespace pl {

namespace {

std::vector<ProbeOutput> difference_target(uint64_t seed) {
    Rng rng = random_stream(seed, Stream::Probe);
    Mlp net({4, 6, 5, 5, 3}, ActivationKind::Tanh, rng);
    DifferenceTargetProp dtp(net, rng, {0.1, 0.1, 0.5});  // top_lr 0.5
    const Mat x = normal_matrix(rng, 4, 3, 1.0), dL_dout = normal_matrix(rng, 3, 3, 0.3);
    net.forward(x, true);
    const std::vector<Mat> hhat = dtp.targets(net, dL_dout);
    const std::string lower_hint =
        "hhat_{l-1} = h_{l-1} + g_l(hhat_l) - g_l(h_l): the difference corrects g_l, so g_l(hhat_l) alone is "
        "wrong";
    return {
        {"hhat_3 (the top target)", hhat[3], 1e-10,
         "hhat_3 = h_3 - top_lr B W_4^T dL/d(output), B the batch size: did you forget B or the transpose?"},
        {"hhat_2", hhat[2], 1e-10, lower_hint},
        {"hhat_1", hhat[1], 1e-10, lower_hint + "; go down from the top: hhat_1 needs hhat_2"},
    };
}

// PC on a 4-6-5-3 tanh net after `steps` inference steps of rate 0.1: eps_1, eps_2 and the step sizes
std::vector<ProbeOutput> pc_errors(uint64_t seed, int steps) {
    Rng rng = random_stream(seed, Stream::Probe);
    Mlp net({4, 6, 5, 3}, ActivationKind::Tanh, rng);
    const Mat x = normal_matrix(rng, 4, 3, 1.0), dL_dout = normal_matrix(rng, 3, 3, 0.1);
    PredictiveCoding pc(steps, 0.1);
    net.forward(x, true);
    pc.backward(net, dL_dout);
    const std::string after = steps == 1 ? " after one step" : " after " + std::to_string(steps) + " steps";
    const std::string hint =
        "x_l += rate (-eps_l + f'(x_l) .* W_{l+1}^T eps_{l+1}) for every hidden l from the old eps, then f, "
        "mu "
        "and eps_l = x_l - mu_l";
    return {
        {"eps_1 (hidden layer 1's prediction error)" + after, pc.errors()[1], 1e-10, hint},
        {"eps_2 (hidden layer 2's prediction error)" + after, pc.errors()[2], 1e-10,
         hint + "; mu_2 = W_2 f(x_1) + b_2 with the new x_1"},
        {"step sizes" + after,
         Eigen::Map<const Eigen::MatrixXd>(pc.step_sizes().data(), 1, steps).cast<Real>(), 1e-10,
         "squared adds ||change of x_l||^2 over the hidden layers; the step size is sqrt(squared / B)"},
    };
}

}  // namespace

std::vector<ExerciseProbe> target_prop_exercise_probes() {
    return {
        {"target-prop.difference_target", "a 4-6-5-5-3 tanh net, batch 3", difference_target},
        {"target-prop.pc_inference_step", "a 4-6-5-3 tanh net, one step",
         [](uint64_t seed) { return pc_errors(seed, 1); }},
        {"target-prop.pc_inference_step", "a 4-6-5-3 tanh net, four steps",
         [](uint64_t seed) { return pc_errors(seed, 4); }},
    };
}

}  // namespace pl
