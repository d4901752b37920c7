#include "engine/lif_layer.h"
#include <cmath>
#include <unsupported/Eigen/MatrixFunctions>
#include "engine/math.h"

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
    const double c = (1 - pl::exp(-dt_ms() / p.tau_mem_ms)) * p.R * p.i_ext;  // u += (1 - a_mem) R i_ext
    const double gap = p.theta - p.u_rest;
    const int steps = int(drive.cols()) / batch;
    Mat h = Mat::Zero(out(), batch), i = Mat::Zero(out(), batch), u = Mat::Zero(out(), batch);
    // U, S and the reset in one pass per step, with locals the stores cannot alias (kept in registers)
    const double theta = p.theta, u_rest = p.u_rest;
    const bool subtractive = p.subtractive_reset;
    const SpikeFunction f = spike;
    for (int t = 0; t < steps; ++t) {
        if (t > 0) {  // (H, I, u)_t = Phi (H, I, u)_{t-1} + (0, 0, c); u first, h last: each reads the old
            u = (P(2, 0) * h + P(2, 1) * i + P(2, 2) * u).array() + c;
            i = P(1, 0) * h + P(1, 1) * i;
            h = P(0, 0) * h;
        }
        (p.tau_rise_ms > 0 ? h : i) += record.at(drive, t);  // input impulses: H (or I) += W s_in_t
        record.at(I_rec, t) = i;
        Real *U_t = record.at(record.U, t).data(), *S_t = record.at(record.S, t).data(), *u_k = u.data();
        for (Eigen::Index k = 0; k < u.size(); ++k) {
            U_t[k] = u_k[k] + u_rest;
            S_t[k] = f.spike_at((U_t[k] - theta) / gap);   // Heaviside(v), v = (U - theta) / gap
            u_k[k] = subtractive ? u_k[k] - gap * S_t[k]   // U -> U - (theta - U_rest)
                                 : u_k[k] * (1 - S_t[k]);  // U -> U_rest
        }
    }
    // END EXERCISE
}

void LifLayer::drive_adjoint(const Mat& dL_dS, const Mat& dL_dU, Mat& dL_dD) const {
    const Eigen::Matrix3d P = propagator();
    const double gap = p.theta - p.u_rest, u_rest = p.u_rest;
    const bool rise = p.tau_rise_ms > 0, subtractive = p.subtractive_reset, detach = spike.detach_reset;
    const int steps = record.steps(), batch = record.batch;
    // gh, gi, gu: dL/d(H, I, u) just after the reset of step t, i.e. Phi^T times the adjoint of step t+1
    Mat gh = Mat::Zero(out(), batch), gi = Mat::Zero(out(), batch), gu = Mat::Zero(out(), batch);
    dL_dD.resize(out(), record.U.cols());
    for (int t = steps - 1; t >= 0; --t) {
        v_ = distance(record.at(record.U, t));
        dS_ = spike.grad(v_);  // dS_t/dv_t; dS_t/dU_t = that / gap
        // One pass per step over its (neuron, sample) elements, from locals the stores cannot alias
        const Real *U_t = record.at(record.U, t).data(), *S_t = record.at(record.S, t).data();
        const Real *dS_dv = dS_.data(), *dU_t = dL_dU.size() > 0 ? record.at(dL_dU, t).data() : nullptr;
        const Real* dS_t = dL_dS.size() > 0 ? record.at(dL_dS, t).data() : nullptr;
        Real *dD_t = record.at(dL_dD, t).data(), *h = gh.data(), *i = gi.data(), *u = gu.data();
        for (Eigen::Index k = 0; k < gu.size(); ++k) {
            const double dS = dS_dv[k] / gap;
            if (detach) {
                if (!subtractive) u[k] *= 1 - S_t[k];  // du+/du = 1 - S (or 1: subtractive)
            } else if (subtractive) {
                u[k] *= 1 - gap * dS;  // u+ = u - gap S(u)
            } else {
                u[k] *= 1 - S_t[k] - (U_t[k] - u_rest) * dS;  // u+ = u (1 - S(u))
            }
            if (dU_t) u[k] += dU_t[k];
            if (dS_t) u[k] += dS_t[k] * dS;
            dD_t[k] = rise ? h[k] : i[k];  // adjoint of the input impulse
            // adjoint of step t-1 after reset: Phi^T (gh, gi, gu); gh first, gu last: each reads the old
            h[k] = P(0, 0) * h[k] + P(1, 0) * i[k] + P(2, 0) * u[k];
            i[k] = P(1, 1) * i[k] + P(2, 1) * u[k];
            u[k] = P(2, 2) * u[k];
        }
    }
}

}  // namespace pl
