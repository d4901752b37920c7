#include "engine/spike_function.h"
#include <cmath>
#include "engine/math.h"

namespace pl {

namespace {

Arr logistic(const Mat& x) { return (1 + pl::exp(-x.array())).inverse(); }  // 1 / (1 + e^-x)

}  // namespace

// dS/dv = 1 / (beta |v| + 1)^2: the derivative of the fast sigmoid v / (1 + beta |v|)
Mat fast_sigmoid_grad(const Mat& v, double beta) {
    // EXERCISE surrogate-spikes.fast_sigmoid: The fast sigmoid surrogate derivative (2 points)
    // HINT: element by element: 1 at v = 0, symmetric in v (|v|), falling as 1 / (beta |v|)^2 far away.
    // HINT: Eigen: v.array().abs(), .square(), .inverse(); return a Mat of v's shape.
    return (beta * v.array().abs() + 1).square().inverse().matrix();
    // END EXERCISE
}

Mat logistic_grad(const Mat& v, double k) {
    const Arr s = logistic(k * v);  // 4 s(kv) (1 - s(kv))
    return (4 * s * (1 - s)).matrix();
}

Mat zero_grad(const Mat& v, double) { return Mat::Zero(v.rows(), v.cols()); }

const Table<SurrogateGrad>& surrogate_table() {
    static const Table<SurrogateGrad> table(
        "surrogate",
        {
            {"fast-sigmoid", "1 / (beta |v| + 1)^2, beta = steepness (SpyTorch)", fast_sigmoid_grad},
            {"logistic", "4 s(kv) (1 - s(kv)), k = steepness (course: 20)", logistic_grad},
            {"none", "the true derivative of the step: 0, so no gradient reaches the first layer", zero_grad},
        });
    return table;
}

double SpikeFunction::smooth_spike(double v) const { return 1 / (1 + pl::exp(-(steepness * v))); }

Mat SpikeFunction::spikes(const Mat& v) const {
    return v.unaryExpr([this](Real x) { return Real(spike_at(x)); });
}

Mat SpikeFunction::grad(const Mat& v) const {
    if (!spiking) return Mat::Zero(v.rows(), v.cols());
    if (smooth) {
        const Arr s = logistic(steepness * v);  // d/dv s(kv) = k s (1 - s)
        return (steepness * s * (1 - s)).matrix();
    }
    return surrogate(v, steepness);
}

}  // namespace pl
