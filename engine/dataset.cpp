// Dataset::subset and the generated data sets of the course (cubic, student-teacher, 2-D toys).
#include "engine/dataset.h"
#include <cmath>
#include <numbers>
#include "engine/math.h"
#include "engine/mlp.h"

namespace pl {

Dataset Dataset::subset(const std::vector<int>& idx) const {
    Dataset d;
    d.x = x(Eigen::all, idx);
    d.y = y(Eigen::all, idx);
    if (!labels.empty())
        for (int i : idx) d.labels.push_back(labels[i]);
    d.classes = classes;
    d.width = width;
    d.height = height;
    return d;
}

// A classification set from inputs and labels: y = one-hot(labels)
static Dataset labelled(const Mat& x, const std::vector<int>& labels, int classes) {
    Dataset d;
    d.x = x;
    d.y = Mat::Zero(classes, x.cols());
    for (int i = 0; i < int(labels.size()); ++i) d.y(labels[i], i) = 1.0;
    d.labels = labels;
    d.classes = classes;
    return d;
}

// Train: x ~ U[lo, hi], y = x^3 + eps, eps ~ N(0, noise_sd^2).
// Test: x on an even grid lo..hi (both ends included) with the noise-free target y = x^3,
// so the test error measures the distance to the true function.
Split make_cubic(Rng& rng, int n_train, int n_test, double lo, double hi, double noise_sd) {
    Split s;
    s.train.x.resize(1, n_train);
    s.train.y.resize(1, n_train);
    for (int i = 0; i < n_train; ++i) {
        const double x = rng.uniform(lo, hi);
        s.train.x(0, i) = x;
        s.train.y(0, i) = x * x * x + rng.normal(0.0, noise_sd);
    }
    s.test.x = RowVec::LinSpaced(n_test, lo, hi);
    s.test.y = s.test.x.array().cube();
    return s;
}

static Mat uniform_cube(Rng& rng, int dims, int n) {
    Mat x(dims, n);
    for (Real& v : x.reshaped()) v = rng.uniform();
    return x;
}

// Teacher: a random Mlp(layers), W ~ N(0, 1/fan_in), tanh hidden units (identity if linear).
// n training and n/5 test samples, x ~ U[0, 1]^in, y = teacher(x).
Split make_student_teacher(Rng& rng, int n, bool linear, std::vector<int> layers) {
    Mlp teacher(layers, linear ? ActivationKind::Identity : ActivationKind::Tanh, rng, 1.0);
    Split s;
    s.train.x = uniform_cube(rng, layers.front(), n);
    s.train.y = teacher.forward(s.train.x);
    s.test.x = uniform_cube(rng, layers.front(), n / 5);
    s.test.y = teacher.forward(s.test.x);
    return s;
}

// Two interleaved arms of 1.5 turns: t ~ U[0, 1), r = 3t, angle = 3 pi t + pi c, plus N(0, noise^2).
static Dataset spirals(Rng& rng, int n, double noise) {
    Mat x(2, n);
    std::vector<int> labels(n);
    for (int i = 0; i < n; ++i) {
        const int c = i % 2;
        const double t = rng.uniform();
        const double r = 3.0 * t, angle = 3.0 * std::numbers::pi * t + std::numbers::pi * c;
        const double dx = rng.normal(0.0, noise), dy = rng.normal(0.0, noise);
        x(0, i) = r * pl::cos(angle) + dx;
        x(1, i) = r * pl::sin(angle) + dy;
        labels[i] = c;
    }
    return labelled(x, labels, 2);
}

// Two half circles: class 0 = (cos a, sin a), class 1 = (1 - cos a, 0.5 - sin a), a ~ U[0, pi).
static Dataset moons(Rng& rng, int n, double noise) {
    Mat x(2, n);
    std::vector<int> labels(n);
    for (int i = 0; i < n; ++i) {
        const int c = i % 2;
        const double a = rng.uniform(0.0, std::numbers::pi);
        const double dx = rng.normal(0.0, noise), dy = rng.normal(0.0, noise);
        x(0, i) = (c == 0 ? pl::cos(a) : 1.0 - pl::cos(a)) + dx;
        x(1, i) = (c == 0 ? pl::sin(a) : 0.5 - pl::sin(a)) + dy;
        labels[i] = c;
    }
    return labelled(x, labels, 2);
}

// Uniform square [-1, 1]^2 kept 0.1 away from the axes, label = [x1 x2 > 0], then N(0, noise^2) jitter.
static Dataset xor_set(Rng& rng, int n, double noise) {
    Mat x(2, n);
    std::vector<int> labels(n);
    for (int i = 0; i < n; ++i) {
        const double x1 = (rng.below(2) ? 1.0 : -1.0) * rng.uniform(0.1, 1.0);
        const double x2 = (rng.below(2) ? 1.0 : -1.0) * rng.uniform(0.1, 1.0);
        const double dx = rng.normal(0.0, noise), dy = rng.normal(0.0, noise);
        x(0, i) = x1 + dx;
        x(1, i) = x2 + dy;
        labels[i] = x1 * x2 > 0 ? 1 : 0;
    }
    return labelled(x, labels, 2);
}

Split make_spirals(Rng& rng, int n, double noise) {
    Split s;
    s.train = spirals(rng, n, noise);
    s.test = spirals(rng, n, noise);
    return s;
}

Split make_moons(Rng& rng, int n, double noise) {
    Split s;
    s.train = moons(rng, n, noise);
    s.test = moons(rng, n, noise);
    return s;
}

Split make_xor(Rng& rng, int n, double noise) {
    Split s;
    s.train = xor_set(rng, n, noise);
    s.test = xor_set(rng, n, noise);
    return s;
}

}  // namespace pl
