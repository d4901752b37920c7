#include "engine/fisher.h"
#include <algorithm>
#include "engine/continual_scenario.h"
#include "engine/loss.h"

namespace pl {

std::vector<Mat> fisher_diagonal(Mlp& net, const Mat& x, const Mat& mask, int chunk) {
    const std::vector<Param*> params = net.params();
    std::vector<Mat> F;
    for (const Param* p : params) F.push_back(Mat::Zero(p->value.rows(), p->value.cols()));
    auto index_of = [&](const Param* p) {
        return size_t(std::find(params.begin(), params.end(), p) - params.begin());
    };
    const Layer* first_layer = net.layers.front().get();

    for (Eigen::Index first = 0; first < x.cols(); first += chunk) {
        const Eigen::Index n = std::min<Eigen::Index>(chunk, x.cols() - first);
        const Mat p =
            softmax(masked_logits(net.forward(x.middleCols(first, n), false), mask.middleCols(first, n)));
        for (Eigen::Index c = 0; c < p.rows(); ++c) {
            const Eigen::RowVectorXd p_c = p.row(c);
            if (p_c.maxCoeff() == 0) continue;  // unit c is active for none of these samples
            Mat delta = -p;                     // d log p_c / dz = e_c - p
            delta.row(c).array() += 1;
            for (auto layer = net.layers.rbegin(); layer != net.layers.rend(); ++layer) {
                auto* linear = dynamic_cast<Linear*>(layer->get());
                if (!linear) {
                    delta = (*layer)->backward(delta);  // delta .* f'(a)
                    continue;
                }
                const Mat weighted_sq = delta.array().square().rowwise() * p_c.array();  // delta^2 diag(p_c)
                F[index_of(&linear->W)] +=
                    weighted_sq * linear->input().array().square().matrix().transpose();
                F[index_of(&linear->b)] += weighted_sq.rowwise().sum();
                if (linear != first_layer) delta = linear->W.value.transpose() * delta;
            }
        }
    }
    for (Mat& f : F) f /= double(x.cols());
    return F;
}

}  // namespace pl
