// SGD, momentum and Adam updates, state kept per Param; each update is one fused Eigen expression per array,
// evaluated in place (no temporary matrices, no allocation after the first step).
#include "engine/optimizer.h"
#include <cmath>
#include "engine/math.h"

namespace pl {

// Zero state of the parameter's shape (first step, or the parameter changed shape)
static Mat& state_for(std::map<const Param*, Mat>& states, const Param* p) {
    Mat& s = states[p];
    if (s.rows() != p->value.rows() || s.cols() != p->value.cols())
        s = Mat::Zero(p->value.rows(), p->value.cols());
    return s;
}

void Sgd::step(const std::vector<Param*>& params) {
    for (Param* p : params) p->value -= lr * p->grad;  // w -= lr g
}

void Momentum::step(const std::vector<Param*>& params) {
    for (Param* p : params) {
        Mat& v = state_for(velocity_, p);
        v = mu * v + p->grad;  // v = mu v + g
        p->value -= lr * v;    // w -= lr v
    }
}

void Momentum::allocate(const std::vector<Param*>& params) {
    for (Param* p : params) state_for(velocity_, p);
}

void Adam::allocate(const std::vector<Param*>& params) {
    for (Param* p : params) state_for(m_, p), state_for(v_, p);
}

void Adam::step(const std::vector<Param*>& params) {
    ++t_;
    const double correction1 = 1.0 - pl::pow(beta1, t_);
    const double correction2 = 1.0 - pl::pow(beta2, t_);
    for (Param* p : params) {
        Mat& m = state_for(m_, p);  // the first and second moments of this parameter (zero at t = 1)
        Mat& v = state_for(v_, p);
        // EXERCISE backprop.adam_step: One Adam step with bias correction (2 points)
        // HINT: update m and v in place (they persist between steps), then move p->value.
        // HINT: correction1 = 1 - beta1^t and correction2 = 1 - beta2^t are computed above; eps goes outside
        // HINT: the square root.
        m = beta1 * m + (1.0 - beta1) * p->grad;              // m = b1 m + (1 - b1) g
        v = beta2 * v + (1.0 - beta2) * p->grad.cwiseAbs2();  // v = b2 v + (1 - b2) g^2
        // w -= lr m^ / (sqrt(v^) + eps), m^ = m / (1 - b1^t), v^ = v / (1 - b2^t): one pass, no temporary
        p->value.array() -= lr * (m.array() / correction1) / ((v.array() / correction2).sqrt() + eps);
        // END EXERCISE
    }
}

const Table<OptimizerFactory>& optimizer_table() {
    static const Table<OptimizerFactory> table(
        "optimizer",
        {
            {"adam", "Adam (Kingma & Ba 2015): per-weight steps scaled by running gradient moments",
             [](double lr) -> std::unique_ptr<Optimizer> { return std::make_unique<Adam>(lr); }},
            {"sgd", "plain stochastic gradient descent: w -= lr g",
             [](double lr) -> std::unique_ptr<Optimizer> { return std::make_unique<Sgd>(lr); }},
            {"momentum", "SGD with momentum 0.9: v = 0.9 v + g, w -= lr v",
             [](double lr) -> std::unique_ptr<Optimizer> { return std::make_unique<Momentum>(lr); }},
        });
    return table;
}

std::unique_ptr<Optimizer> make_optimizer(const std::string& name, double lr) {
    return optimizer_table().find(name).value(lr);
}

}  // namespace pl
