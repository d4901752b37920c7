// Analytic gradients (Backprop) against central finite differences, entry by entry.
#include "engine/gradient_check.h"
#include <algorithm>
#include <cmath>
#include <numeric>
#include "engine/learning_rule.h"

namespace pl {

std::vector<GradientCheckRow> check_gradients(Mlp& net, const Loss& loss, const Mat& x, const Mat& y,
                                              Rng& rng, int per_param, double eps) {
    Backprop backprop;
    backprop.backward(net, loss.grad(net.forward(x, true), y));

    std::vector<GradientCheckRow> rows;
    for (Param* p : net.params()) {
        std::vector<int> entries(p->value.size());
        std::iota(entries.begin(), entries.end(), 0);
        if (per_param > 0 && per_param < int(entries.size())) {
            rng.shuffle(entries);
            entries.resize(per_param);
        }
        GradientCheckRow row;
        row.param = p->name;
        row.checked = int(entries.size());
        double analytic_sq = 0, numeric_sq = 0;
        for (int k : entries) {
            Real& w = p->value(k);
            const double saved = w;
            w = saved + eps;
            const double loss_plus = loss.value(net.forward(x, false), y);
            w = saved - eps;
            const double loss_minus = loss.value(net.forward(x, false), y);
            w = saved;
            const double numeric = (loss_plus - loss_minus) / (2 * eps);  // dL/dw ~ (L(w+e) - L(w-e)) / 2e
            const double analytic = p->grad(k);
            const double rel =
                std::abs(analytic - numeric) / std::max(std::abs(analytic) + std::abs(numeric), 1e-12);
            row.max_rel_error = std::max(row.max_rel_error, rel);
            analytic_sq += analytic * analytic;
            numeric_sq += numeric * numeric;
        }
        row.analytic_norm = std::sqrt(analytic_sq);
        row.numeric_norm = std::sqrt(numeric_sq);
        rows.push_back(row);
    }
    return rows;
}

}  // namespace pl
