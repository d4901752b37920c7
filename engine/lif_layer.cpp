#include "engine/lif_layer.h"
#include <cmath>
#include <unsupported/Eigen/MatrixFunctions>

namespace pl {

const std::vector<ModelParam>& lif_param_table() {
    const LifParams d;  // the defaults
    static const std::vector<ModelParam> table = {
        {"tau_mem", "ms", d.tau_mem_ms, 1, 100, "membrane time constant", {}},
        {"tau_syn", "ms", d.tau_syn_ms, 0.5, 100, "synaptic current decay time constant", {}},
        {"tau_rise", "ms", d.tau_rise_ms, 0, 50, "synaptic rise time constant (0: the current jumps)", {}},
        {"R",
         "mV/a.u.",
         d.R,
         0.1,
         100,
         "membrane resistance: mV of steady voltage per unit (a.u.) of current",
         {}},
        {"theta", "mV", d.theta, 0.1, 20, "firing threshold above rest (U_rest = 0 mV)", {}},
        {"reset",
         "",
         d.subtractive_reset ? 1.0 : 0.0,
         0,
         1,
         "after a spike: U -> U_rest, or U -> U - theta",
         {"rest", "subtractive"}},
    };
    return table;
}

LifParams lif_params(const ParamLookup& value) {
    LifParams p;
    p.tau_mem_ms = value("tau_mem");
    p.tau_syn_ms = value("tau_syn");
    p.tau_rise_ms = value("tau_rise");
    p.R = value("R");
    p.theta = value("theta");
    p.subtractive_reset = value("reset") == 1;
    return p;
}

std::unique_ptr<SpikingLayer> make_lif(int in, int out, const ParamLookup& value, double dt_ms) {
    return std::make_unique<LifLayer>(in, out, lif_params(value), dt_ms);
}

LifLayer::LifLayer(int in, int out, const LifParams& params, double dt_ms)
    : SpikingLayer(in, out, dt_ms), p(params) {
    record.extra = {{"I_syn", "a.u.", Mat()}};
}

Eigen::Matrix3d LifLayer::propagator() const {
    // A for d/dt (H, I, u), u = U - U_rest; without a rise stage H stays 0 and input goes into I
    const double rise = p.tau_rise_ms > 0 ? 1.0 / p.tau_rise_ms : 0.0;
    const double feed = p.tau_rise_ms > 0 ? 1.0 : 0.0;
    Eigen::Matrix3d A;
    A << -rise, 0, 0,                                // dH/dt = -H/tau_rise
        feed, -1.0 / p.tau_syn_ms, 0,                // dI/dt = -I/tau_syn + H
        0, p.R / p.tau_mem_ms, -1.0 / p.tau_mem_ms;  // du/dt = -(u - R I)/tau_mem
    return Eigen::Matrix3d(A * dt_ms()).exp();
}

Mat LifLayer::distance(const Mat& U_t) const {
    return ((U_t.array() - p.theta) / (p.theta - p.u_rest)).matrix();  // v = (U - theta) / (theta - U_rest)
}

// (H, I, u)_t = Phi (H, I, u)_{t-1} + (0, 0, c), H_t += D_t, S_t = Heaviside(v_t), then reset; u = U - U_rest
void LifLayer::simulate(const Mat& drive, int batch) {
    record.batch = batch;
    record.U.resize(out(), drive.cols());
    record.S.resize(out(), drive.cols());
    Mat& I_rec = record.extra[0].value;
    I_rec.resize(out(), drive.cols());
    // EXERCISE surrogate-spikes.lif_step: The LIF step: leak, input, spike, reset, for every step (3 points)
    // HINT: each step t: propagate (H, I, u) by P = propagator(), add the impulse, then spike, then reset.
    // HINT: record.at(drive, t) is step t's impulse; record.at(record.U, t) = ... writes step t of U.
    // HINT: record U and I before the reset; S_t = spike.spikes(distance(U_t)); the state starts at rest.
    const Eigen::Matrix3d P = propagator();
    const double c = (1 - std::exp(-dt_ms() / p.tau_mem_ms)) * p.R * p.i_ext;  // u += (1 - a_mem) R i_ext
    const double gap = p.theta - p.u_rest;
    const int steps = int(drive.cols()) / batch;
    Mat h = Mat::Zero(out(), batch), i = Mat::Zero(out(), batch), u = Mat::Zero(out(), batch);
    for (int t = 0; t < steps; ++t) {
        if (t > 0) {  // (H, I, u)_t = Phi (H, I, u)_{t-1} + (0, 0, c); u first, h last: each reads the old
            u = (P(2, 0) * h + P(2, 1) * i + P(2, 2) * u).array() + c;
            i = P(1, 0) * h + P(1, 1) * i;
            h = P(0, 0) * h;
        }
        (p.tau_rise_ms > 0 ? h : i) += record.at(drive, t);  // input impulses: H (or I) += W s_in_t
        auto U_t = record.at(record.U, t);
        auto S_t = record.at(record.S, t);
        U_t = u.array() + p.u_rest;
        S_t = spike.spikes(distance(U_t));
        record.at(I_rec, t) = i;
        if (p.subtractive_reset)
            u -= gap * S_t;  // U -> U - (theta - U_rest)
        else
            u.array() *= 1 - S_t.array();  // U -> U_rest
    }
    // END EXERCISE
}

void LifLayer::drive_adjoint(const Mat& dL_dS, const Mat& dL_dU, Mat& dL_dD) const {
    const Eigen::Matrix3d P = propagator();
    const double gap = p.theta - p.u_rest;
    const int steps = record.steps(), batch = record.batch;
    // gh, gi, gu: dL/d(H, I, u) just after the reset of step t, i.e. Phi^T times the adjoint of step t+1
    Mat gh = Mat::Zero(out(), batch), gi = Mat::Zero(out(), batch), gu = Mat::Zero(out(), batch);
    dL_dD.resize(out(), record.U.cols());
    for (int t = steps - 1; t >= 0; --t) {
        const auto U_t = record.at(record.U, t);
        const auto S_t = record.at(record.S, t);
        const Mat dS = spike.grad(distance(U_t)) / gap;  // dS_t/dU_t
        if (spike.detach_reset) {
            if (!p.subtractive_reset) gu.array() *= 1 - S_t.array();  // du+/du = 1 - S (or 1: subtractive)
        } else if (p.subtractive_reset) {
            gu.array() *= 1 - gap * dS.array();  // u+ = u - gap S(u)
        } else {
            gu.array() *= 1 - S_t.array() - (U_t.array() - p.u_rest) * dS.array();  // u+ = u (1 - S(u))
        }
        if (dL_dU.size() > 0) gu += record.at(dL_dU, t);
        if (dL_dS.size() > 0) gu += record.at(dL_dS, t).cwiseProduct(dS);
        record.at(dL_dD, t) = p.tau_rise_ms > 0 ? gh : gi;  // adjoint of the input impulse
        // adjoint of step t-1 after reset: Phi^T (gh, gi, gu); gh first, gu last: each reads the old
        gh = P(0, 0) * gh + P(1, 0) * gi + P(2, 0) * gu;
        gi = P(1, 1) * gi + P(2, 1) * gu;
        gu = P(2, 2) * gu;
    }
}

}  // namespace pl
