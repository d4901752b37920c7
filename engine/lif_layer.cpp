#include "engine/lif_layer.h"
#include <cmath>
#include <unsupported/Eigen/MatrixFunctions>

namespace pl {

LifLayer::LifLayer(int in, int out, const LifParams& params)
    : p(params), W{"W", Mat::Zero(out, in), Mat::Zero(out, in)} {}

Eigen::Matrix3d LifLayer::propagator() const {
    // A for d/dt (H, I, u), u = U - U_rest; without a rise stage H stays 0 and input goes into I
    const double rise = p.tau_rise_ms > 0 ? 1.0 / p.tau_rise_ms : 0.0;
    const double feed = p.tau_rise_ms > 0 ? 1.0 : 0.0;
    Eigen::Matrix3d A;
    A << -rise, 0, 0,                                // dH/dt = -H/tau_rise
        feed, -1.0 / p.tau_syn_ms, 0,                // dI/dt = -I/tau_syn + H
        0, p.R / p.tau_mem_ms, -1.0 / p.tau_mem_ms;  // du/dt = -(u - R I)/tau_mem
    return Eigen::Matrix3d(A * p.dt_ms).exp();
}

Mat LifLayer::spike_of(const Mat& U_t) const {
    if (!spiking) return Mat::Zero(U_t.rows(), U_t.cols());
    const double gap = p.theta - p.u_rest;  // v = (U - theta) / gap
    const double k = steepness;
    const Mat v = (U_t.array() - p.theta) / gap;
    if (smooth_spikes) return v.unaryExpr([k](double x) { return smooth_spike(x, k); });
    return v.unaryExpr([](double x) { return spike(x); });
}

Mat LifLayer::spike_grad_of(const Mat& U_t) const {
    if (!spiking) return Mat::Zero(U_t.rows(), U_t.cols());
    const double gap = p.theta - p.u_rest;  // dS/dU = (dS/dv) / gap
    const double k = steepness;
    const Surrogate kind = surrogate;
    const Mat v = (U_t.array() - p.theta) / gap;
    if (smooth_spikes) return v.unaryExpr([k](double x) { return smooth_spike_grad(x, k); }) / gap;
    return v.unaryExpr([k, kind](double x) { return surrogate_grad(x, kind, k); }) / gap;
}

template <class Drive>
void LifLayer::simulate(int steps, int batch, Drive drive) {
    const Eigen::Matrix3d P = propagator();
    const double c = (1 - std::exp(-p.dt_ms / p.tau_mem_ms)) * p.R * p.i_ext;  // u += (1 - a_mem) R i_ext
    const double gap = p.theta - p.u_rest;
    const bool rise = p.tau_rise_ms > 0;
    Mat h = Mat::Zero(out(), batch), i = Mat::Zero(out(), batch), u = Mat::Zero(out(), batch);
    U.assign(steps, Mat());
    S.assign(steps, Mat());
    I_syn.assign(steps, Mat());
    for (int t = 0; t < steps; ++t) {
        if (t > 0) {  // (H, I, u)_t = Phi (H, I, u)_{t-1} + (0, 0, c)
            const Mat h1 = P(0, 0) * h;
            const Mat i1 = P(1, 0) * h + P(1, 1) * i;
            const Mat u1 = (P(2, 0) * h + P(2, 1) * i + P(2, 2) * u).array() + c;
            h = h1;
            i = i1;
            u = u1;
        }
        drive(t, rise ? h : i);  // input impulses: H (or I) += W s_in_t
        U[t] = u.array() + p.u_rest;
        S[t] = spike_of(U[t]);
        I_syn[t] = i;
        if (p.subtractive_reset)
            u -= gap * S[t];  // U -> U - (theta - U_rest)
        else
            u = u.cwiseProduct((1 - S[t].array()).matrix());  // U -> U_rest
    }
}

void LifLayer::forward(const std::vector<Mat>& s_in) {
    event_input_ = false;
    dense_in_ = s_in;
    events_in_.clear();
    const int batch = s_in.empty() ? 0 : int(s_in[0].cols());
    simulate(int(s_in.size()), batch, [&](int t, Mat& target) { target += W.value * s_in[t]; });
}

void LifLayer::forward(const SpikeTrain& events, int batch) {
    event_input_ = true;
    events_in_ = events;
    dense_in_.clear();
    simulate(int(events.size()), batch, [&](int t, Mat& target) {
        for (const SpikeEvent& e : events[t]) target.col(e.sample) += W.value.col(e.input);
    });
}

std::vector<Mat> LifLayer::backward(const std::vector<Mat>& dL_dS, const std::vector<Mat>& dL_dU,
                                    bool input_grad) {
    const Eigen::Matrix3d P = propagator();
    const double gap = p.theta - p.u_rest;
    const int steps = int(U.size());
    const int batch = steps > 0 ? int(U[0].cols()) : 0;
    const bool rise = p.tau_rise_ms > 0;
    // gh, gi, gu: dL/d(H, I, u) just after the reset of step t, i.e. Phi^T times the adjoint of step t+1
    Mat gh = Mat::Zero(out(), batch), gi = Mat::Zero(out(), batch), gu = Mat::Zero(out(), batch);
    Mat& dW = W.grad;
    dW = Mat::Zero(out(), in());
    std::vector<Mat> dL_din(input_grad ? steps : 0);
    for (int t = steps - 1; t >= 0; --t) {
        const Mat dS = spike_grad_of(U[t]);  // dS_t/dU_t
        const Mat one_minus_S = (1 - S[t].array()).matrix();
        Mat reset;  // du+/du
        if (p.detach_reset)
            reset = p.subtractive_reset ? Mat::Ones(out(), batch) : one_minus_S;
        else if (p.subtractive_reset)
            reset = (1 - gap * dS.array()).matrix();  // u+ = u - gap S(u)
        else
            reset = one_minus_S - (U[t].array() - p.u_rest).matrix().cwiseProduct(dS);  // u+ = u (1 - S(u))
        gu = gu.cwiseProduct(reset);
        if (!dL_dU.empty()) gu += dL_dU[t];
        if (!dL_dS.empty()) gu += dL_dS[t].cwiseProduct(dS);
        const Mat& g_in = rise ? gh : gi;  // adjoint of the input impulse W s_in_t
        if (event_input_)
            for (const SpikeEvent& e : events_in_[t]) dW.col(e.input) += g_in.col(e.sample);
        else
            dW += g_in * dense_in_[t].transpose();  // dW += g s_in^T
        if (input_grad) dL_din[t] = W.value.transpose() * g_in;
        // adjoint of step t-1 after reset: Phi^T (gh, gi, gu)
        const Mat gh1 = P(0, 0) * gh + P(1, 0) * gi + P(2, 0) * gu;
        const Mat gi1 = P(1, 1) * gi + P(2, 1) * gu;
        const Mat gu1 = P(2, 2) * gu;
        gh = gh1;
        gi = gi1;
        gu = gu1;
    }
    return dL_din;
}

}  // namespace pl
