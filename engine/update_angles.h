// How far a learning rule's weight update is from backprop's on one batch: per hidden layer the angle between
// the rule's grad of W_l and the exact gradient (l = 1 .. L-1), and the angle over all weights together.
#pragma once
#include <string>
#include <vector>
#include "engine/learning_rule.h"
#include "engine/loss.h"

namespace pl {

struct UpdateAngles {
    std::vector<double> hidden;  // degrees, W_1 .. W_{L-1}; NaN where the rule leaves a layer unchanged
    double all = 0;              // degrees, every W_l (the output layer too) as one vector
    // Why an angle is NaN ("" where it is a number), e.g. "the BP update of layer 2 is zero"
    std::vector<std::string> hidden_undefined;
    std::string all_undefined;
};

// Runs net.forward(x, true), then rule.backward and Backprop.backward on the same output error; the grads
// are left as BP set them (call it between training steps, not between backward and the optimizer step).
UpdateAngles update_angles_to_bp(Mlp& net, const Loss& loss, LearningRule& rule, const Mat& x, const Mat& y);

// update_angles_to_bp() in parts of about a step's work, the same numbers: start(), then advance() until it
// returns true, with no training forward or weight change in between (Mlp::infer() may run); `result` then
// holds the angles. The parts: the forward pass, the rule's backward_steps() (one call each: predictive
// coding's inference runs over several, DTP's grads and its inverses' step are two), BP's backward with the
// angles, then a last call that only returns true (what follows, e.g. an epoch row, gets a step of its own).
class UpdateAnglesInParts {
public:
    // The arguments must outlive the measurement.
    void start(Mlp& net, const Loss& loss, LearningRule& rule, const Mat& x, const Mat& y);
    bool advance(int steps);  // one part; `steps`: the units of work passed to rule.backward_steps()
    bool started() const { return part_ != Part::Idle; }
    bool in_rule() const { return part_ == Part::Rule; }  // the rule's backward is under way

    UpdateAngles result;

private:
    enum class Part { Idle, Forward, Rule, Backprop, Done };
    Part part_ = Part::Idle;
    Mlp* net_ = nullptr;
    const Loss* loss_ = nullptr;
    LearningRule* rule_ = nullptr;
    const Mat *x_ = nullptr, *y_ = nullptr;
    Mat grad_out_;
    std::vector<Mat> rule_grads_;
};

}  // namespace pl
