#include "engine/synapse_lists.h"

namespace pl {

SynapseLists::SynapseLists(int n_pre, int n_post, const std::vector<Synapse>& synapses)
    : n_post_(n_post), row_start_(size_t(n_pre) + 1, 0), target_(synapses.size()), weight_(synapses.size()) {
    // counting sort by presynaptic neuron, keeping each row's synapses in the order given
    for (const Synapse& s : synapses) ++row_start_[size_t(s.pre) + 1];
    for (int pre = 0; pre < n_pre; ++pre) row_start_[size_t(pre) + 1] += row_start_[size_t(pre)];
    std::vector<int> next(row_start_.begin(), row_start_.end() - 1);
    for (const Synapse& s : synapses) {
        const int k = next[size_t(s.pre)]++;
        target_[size_t(k)] = s.post;
        weight_[size_t(k)] = float(s.weight);
    }
}

void SynapseLists::add_rows(const int* first, const int* last, Eigen::Ref<Eigen::ArrayXf> into) const {
    for (const int* pre = first; pre != last; ++pre)
        for (int k = row_start_[size_t(*pre)]; k < row_start_[size_t(*pre) + 1]; ++k)
            into(target_[size_t(k)]) += weight_[size_t(k)];
}

Eigen::MatrixXf SynapseLists::dense() const {
    Eigen::MatrixXf w = Eigen::MatrixXf::Zero(n_post_, n_pre());
    for (int pre = 0; pre < n_pre(); ++pre)
        for (int k = row_start_[size_t(pre)]; k < row_start_[size_t(pre) + 1]; ++k)
            w(target_[size_t(k)], pre) += weight_[size_t(k)];
    return w;
}

}  // namespace pl
