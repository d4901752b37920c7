#include "engine/spike_function.h"
#include <cmath>

namespace pl {

static double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

double spike(double v) { return v > 0 ? 1.0 : 0.0; }

double surrogate_grad(double v, Surrogate kind, double steepness) {
    switch (kind) {
        case Surrogate::FastSigmoid: {
            const double d = steepness * std::abs(v) + 1;  // 1 / (beta |v| + 1)^2
            return 1.0 / (d * d);
        }
        case Surrogate::Logistic: {
            const double s = logistic(steepness * v);  // 4 s(kv) (1 - s(kv))
            return 4 * s * (1 - s);
        }
        case Surrogate::None:
            return 0.0;
    }
    return 0.0;
}

double smooth_spike(double v, double k) { return logistic(k * v); }

double smooth_spike_grad(double v, double k) {
    const double s = logistic(k * v);  // d/dv s(kv) = k s (1 - s)
    return k * s * (1 - s);
}

}  // namespace pl
