// A Diehl & Cook experiment a lab time-slices one digit per step(): `passes` training passes in a shuffled
// order, then the labelling (from the last pass's responses, or a frozen pass), then the test digits.
#pragma once
#include <Eigen/Core>
#include <memory>
#include <vector>
#include "engine/dataset.h"
#include "engine/diehl_cook.h"
#include "engine/diehl_cook_labels.h"

namespace pl {

enum class DiehlCookPhase { Train, Label, Test, Done };

struct DiehlCookRunConfig {
    int passes = 1;           // training passes over the training digits
    bool label_pass = false;  // false: assign from the last training pass's responses; true: a frozen pass
    int label_last = -1;      // assign from the responses to the last n digits of that pass (-1: all)
    int train_digits = -1;    // the first n of each shuffled pass (-1: all)
    int test_digits = -1;     // n test digits, every class equally often (-1: all)
};

class DiehlCookRun {
public:
    DiehlCookRun(const DiehlCookParams& params, const DiehlCookRunConfig& config, uint64_t seed,
                 std::shared_ptr<const Split> data);

    bool step();  // presents one digit of the current phase; false once Done
    DiehlCookPhase phase() const { return phase_; }
    int pass() const { return pass_; }          // the current training pass, from 0
    int position() const { return position_; }  // digits of the current phase (and pass) done
    int phase_length() const;                   // digits in the current phase (per pass when training)

    const DiehlCook& net() const { return net_; }
    const Eigen::ArrayXi& assignments() const { return assignments_; }  // after training (else empty)
    const Eigen::ArrayXXi& confusion() const { return confusion_; }  // (true, predicted) over the test digits
    double test_accuracy() const;                                    // trace(confusion) / digits tested

private:
    void begin_pass();

    DiehlCookRunConfig config_;
    std::shared_ptr<const Split> data_;
    DiehlCook net_;
    Rng order_rng_;
    std::vector<int> order_;       // this training pass's shuffled digits
    std::vector<int> test_order_;  // the test digits dealt class by class: test_digits < all stays balanced
    DigitResponses responses_;
    Eigen::ArrayXi assignments_;
    Eigen::ArrayXXi confusion_;
    DiehlCookPhase phase_ = DiehlCookPhase::Train;
    int pass_ = 0, position_ = 0;
};

}  // namespace pl
