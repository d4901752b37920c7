#include "engine/synaptic_intelligence.h"

namespace pl {

Mat si_importance(const Mat& omega, const Mat& W, const Mat& delta, double xi) {
    // EXERCISE continual.si_importance: SI's importance at a context boundary (1 point)
    // HINT: omega grows by the path integral W over the squared total change of the parameter plus the
    // damping: HINT: omega + W / (delta^2 + xi), entry by entry (.array()).
    return (omega.array() + W.array() / (delta.array().square() + xi)).matrix();
    // END EXERCISE
}

void SynapticIntelligence::begin_context(const std::vector<Param*>& params) {
    start_ = values_of(params);
    path.clear();
    for (const Mat& v : start_) path.push_back(Mat::Zero(v.rows(), v.cols()));
    if (anchor.importance.empty())
        for (const Mat& v : start_) anchor.importance.push_back(Mat::Zero(v.rows(), v.cols()));
}

void SynapticIntelligence::record_gradient(const std::vector<Param*>& params) {
    before_ = values_of(params);
    grad_.clear();
    for (const Param* p : params) grad_.push_back(p->grad);
}

// W += -g .* (theta - theta_before)
void SynapticIntelligence::after_update(const std::vector<Param*>& params) {
    for (size_t k = 0; k < params.size(); ++k)
        path[k].array() -= grad_[k].array() * (params[k]->value - before_[k]).array();
}

void SynapticIntelligence::end_context(const std::vector<Param*>& params, double xi) {
    for (size_t k = 0; k < params.size(); ++k)
        anchor.importance[k] = si_importance(anchor.importance[k], path[k], params[k]->value - start_[k], xi);
    anchor.theta = values_of(params);
}

}  // namespace pl
