// EWC's diagonal Fisher information of an Mlp's parameters from the model's own predictions (the exact
// Fisher: every label weighted by its predicted probability, van de Ven's fisher_labels='all'), batched over
// samples, in one call or summed chunk by chunk (a chunk per step).
#pragma once
#include <vector>
#include "engine/mlp.h"

namespace pl {

// F = (1/N) sum_n sum_c p_c(x_n) (d log p_c(x_n) / d theta)^2, p the softmax over each sample's active units
// (`mask`, outputs x N). One batched backward per output unit: a linear layer's per-sample gradient is
// delta_n a_n^T, so sum_n p_nc (delta_n a_n^T)^2 = (delta^2 diag(p_c)) (a^2)^T. In net.params()'s order.
class FisherSum {
public:
    FisherSum() = default;                                  // no sums: add() needs the params' shapes
    explicit FisherSum(const std::vector<Param*>& params);  // zero sums shaped like the params
    // Adds sum_n sum_c p_c(x_n) (d log p_c(x_n) / d theta)^2 over the columns of x (one batched chunk).
    void add(Mlp& net, const Mat& x, const Mat& mask);
    // add() in parts, the same sums: begin_chunk() runs the forward pass, then each add_units() call adds the
    // terms of up to `count` active output units (a batched backward each), true once the chunk is in.
    // Nothing may run the net in between.
    void begin_chunk(Mlp& net, const Mat& x, const Mat& mask);
    bool add_units(Mlp& net, int count);
    bool in_chunk() const { return p_.size() > 0; }
    std::vector<Mat> mean() const;  // F: the sums over the samples added
    int samples() const { return samples_; }

private:
    std::vector<Mat> sum_;
    int samples_ = 0;
    Mat p_;         // the chunk in progress: the softmax over each sample's active units (empty: none)
    int unit_ = 0;  // its next output unit
};

// F over every column of x, added `chunk` samples at a time.
std::vector<Mat> fisher_diagonal(Mlp& net, const Mat& x, const Mat& mask, int chunk = 500);

}  // namespace pl
