// Kolen-Pollack (Akrout et al. 2019, "Deep learning without weight transport"): feedback alignment whose B_l
// gets W_l^T's update and decays with it, so B_l - W_l^T shrinks every step and B_l converges to W_l^T.
#include <stdexcept>
#include "engine/feedback_alignment.h"
#include "engine/learning_rules.h"

namespace pl {

namespace {

// Errors travel down as in FA (B_l starts as FA's). Every step, for each W_l with a B_l:
// B_l <- (1 - decay) (B_l + dW_l^T), W_l <- (1 - decay) W_l, with dW_l the update W_l took since the last
// step (the optimizer's step on delta_l h_{l-1}^T: with SGD, dB_l = -lr h_{l-1} delta_l^T as in the paper).
// Then B_l - W_l^T <- (1 - decay) (B_l - W_l^T).
class KolenPollack : public FeedbackAlignment {
public:
    KolenPollack(const Mlp& net, Rng& rng, double scale, double decay)
        : FeedbackAlignment(net, rng, scale), decay_(decay) {}
    std::string name() const override { return "kolen-pollack"; }

    void backward(Mlp& net, const Mat& grad_out) override {
        std::vector<Linear*> linear = net.linears();
        if (linear.size() != feedback_.size() + 1)
            throw std::invalid_argument("KolenPollack: the net differs from the one the rule was built for");
        if (previous_W_.empty())  // first step: nothing to mirror yet
            for (size_t l = 1; l < linear.size(); ++l) previous_W_.push_back(linear[l]->W.value);
        for (size_t l = 1; l < linear.size(); ++l) {
            Mat& W = linear[l]->W.value;
            Mat& B = feedback_[l - 1];
            B = (1 - decay_) * (B + (W - previous_W_[l - 1]).transpose());  // B <- (1 - d) (B + dW^T)
            W *= 1 - decay_;                                                // W <- (1 - d) W
            previous_W_[l - 1] = W;
        }
        FeedbackAlignment::backward(net, grad_out);
    }

private:
    double decay_;
    std::vector<Mat> previous_W_;  // W_l after the last step, l = 2..L
};

}  // namespace

std::unique_ptr<LearningRule> make_kolen_pollack(const Mlp& net, Rng& rng, const RuleOptions& options) {
    return std::make_unique<KolenPollack>(net, rng, options.feedback_scale, options.kp_decay);
}

}  // namespace pl
