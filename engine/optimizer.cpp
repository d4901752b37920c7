// SGD, momentum and Adam updates, state kept per Param; each update is one fused Eigen expression per array,
// evaluated in place (no temporary matrices, no allocation after the first step).
#include "engine/optimizer.h"
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include "engine/math.h"

namespace pl {

using ArrayMap = Eigen::Map<Eigen::Array<Real, Eigen::Dynamic, 1>>;

// Moments below this are stored as 0. A unit that stops getting gradient (a dead ReLU, an edge pixel seen
// once) keeps a moment that decays as 0.9^t into the subnormal range within ~800 steps, and x86 takes ~100
// cycles per subnormal operand: Lab 1's Adam step took 1.8 ms instead of 0.2 (784-256-10, batch 64). The
// steps of such moments were below lr 1e-21.
constexpr Real kMomentFloor = Real(1e-30);

static void flush_below_floor(ArrayMap moment) {
    moment = (moment.abs() < kMomentFloor).select(Real(0), moment);
}

// Adam's three updates run block by block, so w, g, m and v of a block stay in L1 across them: 4 x 4 KB
constexpr Eigen::Index kAdamBlock = 1024;

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
        flush_below_floor(ArrayMap(v.data(), v.size()));
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
        if (p->grad.size() != p->value.size())  // the blocks below read both by raw offsets
            throw std::logic_error("Adam: the gradient of " + p->name + " is not the shape of its value");
        Mat& m_all = state_for(m_, p);  // the first and second moments of this parameter (zero at t = 1)
        Mat& v_all = state_for(v_, p);
        for (Eigen::Index start = 0; start < p->value.size(); start += kAdamBlock) {
            const Eigen::Index n = std::min(kAdamBlock, p->value.size() - start);
            ArrayMap w(p->value.data() + start, n), g(p->grad.data() + start, n);
            ArrayMap m(m_all.data() + start, n), v(v_all.data() + start, n);
            // EXERCISE backprop.adam_step: One Adam step with bias correction (2 points)
            // HINT: update m and v in place (they persist between steps), then move w. All four are
            // HINT: arrays of this block's weights (element-wise). correction1 = 1 - beta1^t and
            // HINT: correction2 = 1 - beta2^t are computed above; eps goes outside the square root.
            m = beta1 * m + (1.0 - beta1) * g;           // m = b1 m + (1 - b1) g
            v = beta2 * v + (1.0 - beta2) * g.square();  // v = b2 v + (1 - b2) g^2
            // w -= lr m^ / (sqrt(v^) + eps), m^ = m / (1 - b1^t), v^ = v / (1 - b2^t): one pass, no temporary
            w -= lr * (m / correction1) / ((v / correction2).sqrt() + eps);
            // END EXERCISE
            flush_below_floor(m);
            flush_below_floor(v);
        }
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
