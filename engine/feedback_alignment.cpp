// Feedback alignment, direct feedback alignment and sign symmetry: backprop with another feedback path.
#include "engine/feedback_alignment.h"
#include <cmath>
#include <stdexcept>
#include "engine/mlp_parts.h"
#include "engine/random_matrix.h"

namespace pl {

static void check_feedback(const std::vector<Mat>& feedback, size_t expected, const char* rule) {
    if (feedback.size() != expected)
        throw std::invalid_argument(std::string(rule) +
                                    ": the net differs from the one the rule was built for");
}

// B_l ~ N(0, scale^2 / in_l), distributed as W_l^T at init (scale = init_scale): |B_l g| ~ scale |g| just as
// |W_l^T g| ~ |g|, so FA's errors start the size of BP's at every depth (Adam makes any scale work).
FeedbackAlignment::FeedbackAlignment(const Mlp& net, Rng& rng, double scale) {
    const std::vector<int> sizes = layer_sizes(net);
    for (size_t l = 1; l + 1 < sizes.size(); ++l)  // linears()[l] maps sizes[l] -> sizes[l + 1]
        feedback_.push_back(normal_matrix(rng, sizes[l], sizes[l + 1], scale / std::sqrt(double(sizes[l]))));
}

// delta_L = dL/d(output); delta_{l-1} = (B_l delta_l) .* f'(a_{l-1}); W_l.grad = delta_l h_{l-1}^T
void FeedbackAlignment::backward(Mlp& net, const Mat& grad_out) {
    std::vector<Linear*> linear = net.linears();
    std::vector<Activation*> act = activations(net);
    check_feedback(feedback_, linear.size() - 1, "FeedbackAlignment");
    // EXERCISE feedback-alignment.fa_backward: Feedback alignment's backward pass (2 points)
    // HINT: walk from the top layer down; linear[l]->backward(delta, B) fills W_l's gradient and returns
    // HINT: B delta; feedback_[l - 1] is the B of linear[l]; act[l - 1]->backward multiplies by f'(a).
    Mat delta = grad_out;
    for (size_t l = linear.size() - 1; l > 0; --l)
        delta = act[l - 1]->backward(linear[l]->backward(delta, feedback_[l - 1]));
    linear[0]->backward(delta, InputGrad::Skip);
    // END EXERCISE
}

std::vector<FeedbackPath> FeedbackAlignment::feedback_paths(Mlp& net) const {
    std::vector<Linear*> linear = net.linears();
    check_feedback(feedback_, linear.size() - 1, "FeedbackAlignment");
    std::vector<FeedbackPath> paths;
    for (size_t l = 1; l < linear.size(); ++l) paths.push_back({feedback_[l - 1], linear[l]->W.value});
    return paths;
}

// B_k ~ N(0, scale^2 / hidden_k): |B_k e| ~ scale |e|, the size of BP's error, as in FA
DirectFeedbackAlignment::DirectFeedbackAlignment(const Mlp& net, Rng& rng, double scale) {
    const std::vector<int> sizes = layer_sizes(net);
    const int n_out = sizes.back();
    for (size_t k = 1; k + 1 < sizes.size(); ++k)
        feedback_.push_back(normal_matrix(rng, sizes[k], n_out, scale / std::sqrt(double(sizes[k]))));
}

// top: W_L.grad = e h_{L-1}^T; hidden k: delta_k = (B_k e) .* f'(a_k), W_k.grad = delta_k h_{k-1}^T
void DirectFeedbackAlignment::backward(Mlp& net, const Mat& grad_out) {
    std::vector<Linear*> linear = net.linears();
    std::vector<Activation*> act = activations(net);
    check_feedback(feedback_, act.size(), "DirectFeedbackAlignment");
    // EXERCISE feedback-alignment.dfa_backward: Direct feedback alignment's backward pass (2 points)
    // HINT: the top layer learns as in backprop; every hidden layer k gets the output error e = grad_out
    // HINT: straight through its own B_k = feedback_[k], then f'(a_k) (act[k]->backward), then linear[k].
    linear.back()->backward(grad_out, InputGrad::Skip);
    for (size_t k = 0; k < act.size(); ++k)
        linear[k]->backward(act[k]->backward(feedback_[k] * grad_out), InputGrad::Skip);
    // END EXERCISE
}

// B_k stands in for the map from hidden layer k to the output, W_L ... W_{k+1}
std::vector<FeedbackPath> DirectFeedbackAlignment::feedback_paths(Mlp& net) const {
    std::vector<Linear*> linear = net.linears();
    check_feedback(feedback_, linear.size() - 1, "DirectFeedbackAlignment");
    std::vector<FeedbackPath> paths;
    for (size_t k = 1; k < linear.size(); ++k) {
        Mat forward = linear[k]->W.value;
        for (size_t j = k + 1; j < linear.size(); ++j) forward = linear[j]->W.value * forward;
        paths.push_back({feedback_[k - 1], forward});
    }
    return paths;
}

// delta_{l-1} = (sign(W_l)^T delta_l) .* f'(a_{l-1}); W_l.grad = delta_l h_{l-1}^T
void SignSymmetry::backward(Mlp& net, const Mat& grad_out) {
    std::vector<Linear*> linear = net.linears();
    std::vector<Activation*> act = activations(net);
    Mat delta = grad_out;
    for (size_t l = linear.size() - 1; l > 0; --l) {
        const Mat sign_t = linear[l]->W.value.array().sign().matrix().transpose();
        delta = act[l - 1]->backward(linear[l]->backward(delta, sign_t));
    }
    linear[0]->backward(delta, InputGrad::Skip);
}

std::vector<FeedbackPath> SignSymmetry::feedback_paths(Mlp& net) const {
    std::vector<Linear*> linear = net.linears();
    std::vector<FeedbackPath> paths;
    for (size_t l = 1; l < linear.size(); ++l) {
        const Mat& W = linear[l]->W.value;
        paths.push_back({W.array().sign().matrix().transpose(), W});
    }
    return paths;
}

}  // namespace pl
