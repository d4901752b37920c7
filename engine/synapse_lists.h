// A network's synapses as one list per presynaptic neuron (compressed rows: targets and weights), built once;
// a spike adds its presynaptic neuron's weights to its targets' inputs (event-driven, no matrix product).
#pragma once
#include <Eigen/Core>
#include <vector>

namespace pl {

struct Synapse {
    int pre, post;
    double weight;
};

class SynapseLists {
public:
    SynapseLists() = default;
    SynapseLists(int n_pre, int n_post,
                 const std::vector<Synapse>& synapses);  // any order; multapses allowed

    // into(post) += w for every synapse (pre, post, w) of every pre in [first, last):  into += W s
    void add_rows(const int* first, const int* last, Eigen::Ref<Eigen::ArrayXf> into) const;
    void add_rows(const std::vector<int>& fired, Eigen::Ref<Eigen::ArrayXf> into) const {
        add_rows(fired.data(), fired.data() + fired.size(), into);
    }
    Eigen::MatrixXf dense() const;  // W(post, pre): the summed weights, for tests and views of small networks

    int n_pre() const { return int(row_start_.size()) - 1; }
    int n_post() const { return n_post_; }
    int size() const { return int(target_.size()); }
    int out_degree(int pre) const { return row_start_[size_t(pre) + 1] - row_start_[size_t(pre)]; }

private:
    int n_post_ = 0;
    std::vector<int> row_start_{0};  // pre's synapses are [row_start_[pre], row_start_[pre + 1])
    std::vector<int> target_;
    std::vector<float> weight_;
};

}  // namespace pl
