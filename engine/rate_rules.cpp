#include "engine/rate_rules.h"
#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include "engine/rate_rule_steps.h"

namespace pl {

namespace {

// Oja's and Sanger's divergence: a sample along w maps |w| = 1 + e to 1 + e (1 - 2 eta y^2)
constexpr const char* kOvershoot =
    "a step with eta y^2 > 1 overshoots |w| = 1 by more than it corrects, and a large |w| grows as "
    "|w|^3: lower eta";

}  // namespace

const Table<RateRule>& rate_rule_table() {
    static const Table<RateRule> table(
        "rate rule",
        {
            {"hebb",
             "dW = eta y x^T: grows without bound",
             {hebb_step, "Hebb's rule has no term that limits w: it grows without bound at any eta"}},
            {"oja", "dw = eta y (x - y w): the unit-norm first principal component", {oja_step, kOvershoot}},
            {"bcm",
             "dw = eta x y (y - theta), tau_theta dtheta/dt = y^2 - theta: selectivity",
             {bcm_step, "theta lags too far behind y^2 to hold w back: lower eta or tau_theta"}},
            {"sanger",
             "dW = eta (y x^T - LT(y y^T) W): the first k principal components",
             {sanger_step, kOvershoot}},
        });
    return table;
}

const std::vector<ModelParam>& rate_param_table() {
    const RateParams d;  // the defaults
    static const std::vector<ModelParam> table = {
        {"eta", "", d.eta, 1e-6, 1, "learning rate", {}},
        {"eta_decay", "samples", d.eta_decay, 0, 1e7, "eta / (1 + t / eta_decay); 0: constant eta", {}},
        {"tau_theta", "samples", d.tau_theta, 1, 10000, "bcm: time constant of the sliding threshold", {}},
        {"w_bound", "", d.w_bound, 1, 1e12, "a weight row's norm beyond this counts as diverged", {}},
    };
    return table;
}

RateParams rate_params(const ParamLookup& value) {
    RateParams p;
    p.eta = value("eta");
    p.eta_decay = value("eta_decay");
    p.tau_theta = value("tau_theta");
    p.w_bound = value("w_bound");
    return p;
}

RateState rate_state(Mat W0) {
    RateState s;
    s.theta = Vec::Zero(W0.rows());
    s.W = std::move(W0);
    return s;
}

// eta_t = eta / (1 + t / eta_decay)
void rate_step(const std::string& rule, const RateParams& p, const Mat& X, RateState& s) {
    RateParams now = p;
    if (p.eta_decay > 0) now.eta = p.eta / (1 + double(s.samples) / p.eta_decay);
    rate_rule_table().find(rule).value.step(now, X, s);
    s.samples += X.cols();
}

std::string rate_pass(const std::string& rule, const RateParams& p, const Mat& X,
                      const std::vector<int>& order, int batch, RateState& s) {
    if (batch < 1) throw std::invalid_argument("rate_pass: the batch must hold at least one sample");
    std::vector<int> columns = order;
    if (columns.empty())
        for (int i = 0; i < int(X.cols()); ++i) columns.push_back(i);
    for (size_t first = 0; first < columns.size(); first += size_t(batch)) {
        const size_t last = std::min(columns.size(), first + size_t(batch));
        rate_step(rule, p, X(Eigen::all, std::vector<int>(columns.begin() + first, columns.begin() + last)),
                  s);
        const std::string why = divergence_reason(rule, p, s);
        if (!why.empty()) return why;
    }
    return "";
}

std::string divergence_reason(const std::string& rule, const RateParams& p, const RateState& s) {
    const bool finite = s.W.allFinite();
    const double largest = finite ? s.W.rowwise().norm().maxCoeff() : 0;
    if (finite && largest <= p.w_bound) return "";
    std::ostringstream out;
    out << "the weights diverged after " << s.samples << " samples: ";
    if (finite)
        out << "|w| = " << largest << " exceeds " << p.w_bound;
    else
        out << "they are no longer finite";
    out << " (eta = " << p.eta << "): " << rate_rule_table().find(rule).value.why_it_diverges;
    return out.str();
}

}  // namespace pl
