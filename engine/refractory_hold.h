// The refractory neurons of a network: those that fired in the last R steps. Their V is held at the reset
// (any input in that time is lost), which lets the membrane update run over all neurons, vectorised.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace pl {

class RefractoryHold {
public:
    explicit RefractoryHold(int steps = 0) : fired_(size_t(steps)) {}

    // V = V_reset for every neuron that fired in the R steps before `step`
    void hold(Eigen::ArrayXf& v_mV, float reset_mV) const {
        for (const std::vector<int>& fired : fired_)
            for (int i : fired) v_mV(i) = reset_mV;
    }
    // the neurons that fired in `step`: held in steps step + 1 .. step + R
    void record(uint64_t step, const std::vector<int>& fired) {
        if (!fired_.empty()) fired_[step % fired_.size()] = fired;
    }

private:
    std::vector<std::vector<int>> fired_;  // ring: slot step mod R holds who fired in that step
};

}  // namespace pl
