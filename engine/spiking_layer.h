// The seam for neuron models: a layer of spiking neurons driven by W times input spikes, simulated for T
// steps of dt on a batch, trained by BPTT. A model implements simulate() and drive_adjoint(); this class does
// the rest.
#pragma once
#include <string>
#include <vector>
#include "engine/layer.h"
#include "engine/spike_encoding.h"
#include "engine/spike_function.h"
#include "engine/tensor.h"

namespace pl {

// What a forward pass records, ONE matrix per variable: neurons x (steps * batch), step t in the columns
// [t * batch, (t + 1) * batch). The input drive W s_in of all steps is then one product (and so are dW and
// dL/ds_in in backward), and the same memory read as (neurons * batch) x steps (over_time) is each
// (neuron, sample)'s time course, column t = step t flattened, for read-outs over time.
struct NamedTrace {
    std::string name;  // e.g. "I_syn"
    std::string unit;  // e.g. "a.u."
    Mat value;         // neurons x (steps * batch)
};

struct SpikeRecord {
    int batch = 0;
    Mat U;                          // membrane potential (mV), before the reset
    Mat S;                          // spikes (0/1)
    std::vector<NamedTrace> extra;  // the model's own variables: LIF I_syn; AdEx w; HH m, h, n

    int steps() const { return batch > 0 ? int(S.cols()) / batch : 0; }
    // Step t of a trace: neurons x batch
    auto at(Mat& trace, int t) const { return trace.middleCols(Eigen::Index(t) * batch, batch); }
    auto at(const Mat& trace, int t) const { return trace.middleCols(Eigen::Index(t) * batch, batch); }
    // (neuron, sample) x step: row i + neurons * b is neuron i of sample b over time
    auto over_time(const Mat& trace) const {
        return trace.reshaped(trace.rows() * batch, trace.cols() / batch);
    }
    // S as events, SpikeTrain's order (per step by sample, then neuron): another layer's sparse input
    SpikeTrain spike_train() const;
    // "U", "S" or one of extra (what a panel can plot); throws listing the valid names
    const Mat& variable(const std::string& name) const;
    std::vector<std::string> variable_names() const;
};

class SpikingLayer {
public:
    SpikingLayer(int in, int out, double dt_ms);
    virtual ~SpikingLayer() = default;

    // Event-driven input: each event adds W's column `input` to sample `sample`'s drive at its step.
    void forward(SpikeTrain events, int batch);  // kept for backward (moved in: pass a temporary)
    // Dense input spikes: in x (steps * batch), the layout of SpikeRecord (e.g. another layer's S).
    void forward(const Mat& s_in, int batch);
    // BPTT from dL/dS and dL/dU (out x (steps * batch), or empty for all zero) of the last forward: sets
    // W.grad; returns dL/ds_in (in x (steps * batch), W^T times the drive's adjoint, valid until the next
    // backward) when input_grad, else an empty matrix.
    const Mat& backward(const Mat& dL_dS, const Mat& dL_dU, bool input_grad = true);

    virtual double threshold_mV() const = 0;  // the U at which it spikes (plots draw it)
    int in() const { return int(W.value.cols()); }
    int out() const { return int(W.value.rows()); }
    int steps() const { return record.steps(); }
    double dt_ms() const { return dt_ms_; }

    Param W;              // value: out x in (weights); grad: set by backward
    SpikeFunction spike;  // Heaviside forward, surrogate backward, the reset's treatment
    SpikeRecord record;   // filled by forward

protected:
    // The model's dynamics and integrator: from the input drive D = W s_in (out x (steps * batch); an
    // impulse into the model's synaptic variable at each step), fill `record`. The state starts at rest.
    virtual void simulate(const Mat& drive, int batch) = 0;
    // BPTT through simulate(): dL/dD (out x (steps * batch)) from dL/dS and dL/dU (empty: zero).
    virtual void drive_adjoint(const Mat& dL_dS, const Mat& dL_dU, Mat& dL_dD) const = 0;

private:
    double dt_ms_;
    Mat dense_in_;  // the last dense input, or empty after event input
    SpikeTrain events_in_;
    Mat drive_, drive_grad_, input_grad_;  // D, dL/dD, dL/ds_in: kept, so a batch allocates nothing new
};

}  // namespace pl
