// Rules that send the error down through other matrices than W^T: feedback alignment (Lillicrap et al.
// 2016), direct feedback alignment (Nokland 2016), sign symmetry (Liao et al. 2016). The top layer is BP's.
#pragma once
#include <vector>
#include "engine/learning_rule.h"
#include "engine/rng.h"

namespace pl {

// A rule that sends the error down through fixed random matrices B (FA, DFA) instead of W^T.
class FixedFeedbackRule : public LearningRule {
public:
    const std::vector<Mat>& feedback() const { return feedback_; }
    std::vector<Mat>& feedback() { return feedback_; }  // e.g. to set B_l = W_l^T

protected:
    std::vector<Mat> feedback_;
};

// FA: delta_{l-1} = (B_l delta_l) .* f'(a_{l-1}), B_l fixed, in_l x out_l, entries ~ N(0, scale^2 / in_l).
// feedback()[k] is the B of linears()[k + 1]; B is drawn from `rng` only, so W's init does not depend on it.
class FeedbackAlignment : public FixedFeedbackRule {
public:
    FeedbackAlignment(const Mlp& net, Rng& rng, double scale = 1.0);
    std::string name() const override { return "fa"; }
    void backward(Mlp& net, const Mat& grad_out) override;
    std::vector<FeedbackPath> feedback_paths(Mlp& net) const override;  // B_{l+1} for W_{l+1}
};

// DFA: delta_k = (B_k e) .* f'(a_k) for every hidden layer k, e = dL/d(output), B_k fixed, hidden_k x n_out,
// entries ~ N(0, scale^2 / hidden_k). feedback()[k] belongs to the hidden layer after linears()[k].
class DirectFeedbackAlignment : public FixedFeedbackRule {
public:
    DirectFeedbackAlignment(const Mlp& net, Rng& rng, double scale = 1.0);
    std::string name() const override { return "dfa"; }
    void backward(Mlp& net, const Mat& grad_out) override;
    std::vector<FeedbackPath> feedback_paths(Mlp& net) const override;  // B_k for W_L ... W_{k+1}
};

// Sign symmetry: delta_{l-1} = (sign(W_l)^T delta_l) .* f'(a_{l-1}), with sign(W_l) taken anew at every call.
class SignSymmetry : public LearningRule {
public:
    std::string name() const override { return "sign"; }
    void backward(Mlp& net, const Mat& grad_out) override;
    std::vector<FeedbackPath> feedback_paths(Mlp& net) const override;  // sign(W_{l+1})^T
};

}  // namespace pl
