// Diehl & Cook's labelling and read-out: each excitatory neuron is assigned the class it fires most for on
// average; a digit is classified by the class whose assigned neurons fire most on average.
#pragma once
#include <Eigen/Core>

namespace pl {

class DigitResponses {
public:
    DigitResponses(int classes, int neurons);
    void add(const Eigen::ArrayXi& spike_counts, int label);  // one digit's excitatory spike counts
    void clear();
    // assignment(j) = argmax_c mean response of neuron j to class c (classes never seen count as 0).
    Eigen::ArrayXi assignments() const;
    int digits() const { return int(digits_.sum()); }

private:
    Eigen::ArrayXXd sum_;    // classes x neurons: summed spike counts
    Eigen::ArrayXd digits_;  // digits seen per class
};

// argmax_c mean_{j assigned c} counts(j); a class without neurons scores 0 (as the original).
int classify(const Eigen::ArrayXi& spike_counts, const Eigen::ArrayXi& assignments, int classes);

}  // namespace pl
