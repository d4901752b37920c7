#include "engine/fisher.h"
#include <algorithm>
#include "engine/continual_scenario.h"
#include "engine/loss.h"

namespace pl {

FisherSum::FisherSum(const std::vector<Param*>& params) {
    for (const Param* p : params) sum_.push_back(Mat::Zero(p->value.rows(), p->value.cols()));
}

void FisherSum::add(Mlp& net, const Mat& x, const Mat& mask) {
    begin_chunk(net, x, mask);
    add_units(net, int(p_.rows()));
}

void FisherSum::begin_chunk(Mlp& net, const Mat& x, const Mat& mask) {
    p_ = softmax(masked_logits(net.forward(x, false), mask));
    unit_ = 0;
}

bool FisherSum::add_units(Mlp& net, int count) {
    const std::vector<Param*> params = net.params();
    auto index_of = [&](const Param* p) {
        return size_t(std::find(params.begin(), params.end(), p) - params.begin());
    };
    const Layer* first_layer = net.layers.front().get();
    for (int added = 0; unit_ < p_.rows() && added < count; ++unit_) {
        const Eigen::Index c = unit_;
        const RowVec p_c = p_.row(c);
        if (p_c.maxCoeff() == 0) continue;  // unit c is active for none of these samples
        ++added;
        Mat delta = -p_;  // d log p_c / dz = e_c - p
        delta.row(c).array() += 1;
        for (auto layer = net.layers.rbegin(); layer != net.layers.rend(); ++layer) {
            auto* linear = dynamic_cast<Linear*>(layer->get());
            if (!linear) {
                delta = (*layer)->backward(delta);  // delta .* f'(a)
                continue;
            }
            const Mat weighted_sq = delta.array().square().rowwise() * p_c.array();  // delta^2 diag(p_c)
            sum_[index_of(&linear->W)] += weighted_sq * linear->input().array().square().matrix().transpose();
            sum_[index_of(&linear->b)] += weighted_sq.rowwise().sum();
            if (linear != first_layer) delta = linear->W.value.transpose() * delta;
        }
    }
    if (unit_ < p_.rows()) return false;
    samples_ += int(p_.cols());
    p_.resize(0, 0);
    return true;
}

std::vector<Mat> FisherSum::mean() const {
    std::vector<Mat> F = sum_;
    for (Mat& f : F) f /= double(samples_);
    return F;
}

std::vector<Mat> fisher_diagonal(Mlp& net, const Mat& x, const Mat& mask, int chunk) {
    FisherSum fisher(net.params());
    for (Eigen::Index first = 0; first < x.cols(); first += chunk) {
        const Eigen::Index n = std::min<Eigen::Index>(chunk, x.cols() - first);
        fisher.add(net, x.middleCols(first, n), mask.middleCols(first, n));
    }
    return fisher.mean();
}

}  // namespace pl
