// Lab 4's engine pieces: dropout, batch norm (against finite differences), L2/L1/max-norm, augmentation.
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/augment.h"
#include "engine/batch_norm.h"
#include "engine/dropout.h"
#include "engine/regularizers.h"
#include "tests/unit/finite_differences.h"

using namespace pl;

namespace {

Mat normal_mat(Rng& rng, int rows, int cols, double mean = 0, double sd = 1) {
    return Mat::NullaryExpr(rows, cols, [&] { return rng.normal(mean, sd); });
}

// L = sum(R .* layer(x)) in training mode; the worst relative error of backward(R) against central
// differences, over every entry of x and of every parameter.
double worst_grad_error(Layer& layer, Mat x, Rng& rng) {
    const Mat R = normal_mat(rng, int(layer.forward(x, true).rows()), int(x.cols()));
    const Mat dx = layer.backward(R);
    auto loss = [&] { return R.cwiseProduct(layer.forward(x, true)).sum(); };
    double worst = max_rel_error(dx, central_differences(x, loss));
    for (Param* p : layer.params())
        worst = std::max(worst, max_rel_error(p->grad, central_differences(p->value, loss)));
    return worst;
}

}  // namespace

TEST_CASE(
    "dropout at inference is the identity and in training keeps the mean",
    "[regularizers][exercise:regularization.dropout_forward][exercise:regularization.dropout_backward]") {
    Rng rng(3);
    const Mat x = normal_mat(rng, 50, 400, 1.0);
    Dropout dropout(0.4, 7);
    CHECK(dropout.forward(x, false) == x);
    CHECK(dropout.backward(x) == x);  // after an inference forward the gradient passes unchanged

    const Mat y = dropout.forward(x, true);
    const double dropped = double((y.array() == 0).count()) / double(y.size());
    CHECK(dropped == Approx(0.4).margin(0.01));
    // inverted scaling: a kept unit is x / (1 - p), so E[y] = x; over 20,000 units the mean ratio is ~1
    CHECK(y.sum() / x.sum() == Approx(1.0).margin(0.02));
    CHECK(((y.array() != 0).select(y.array() / x.array(), 1 / 0.6) - 1 / 0.6).abs().maxCoeff() < 1e-12);
    // backward uses the same mask: zero where dropped, 1 / (1 - p) where kept
    const Mat g = dropout.backward(Mat::Ones(50, 400));
    CHECK(((g.array() == 0) == (y.array() == 0)).all());
}

TEST_CASE("dropout's backward is dL/dy times the forward's mask: 0 where dropped, 1 / (1 - p) where kept",
          "[regularizers][exercise:regularization.dropout_backward]") {
    Rng rng(5);
    const Mat x = normal_mat(rng, 6, 30, 2.0, 0.1);  // no zero inputs: y / x is the mask
    const Mat g = normal_mat(rng, 6, 30);
    Dropout dropout(0.25, 13);
    const Mat mask = dropout.forward(x, true).cwiseQuotient(x);
    CHECK((mask.array() == 0).count() > 0);
    const Mat dx = dropout.backward(g);
    CHECK((dx - g.cwiseProduct(mask)).cwiseAbs().maxCoeff() < 1e-12);
    CHECK(((mask.array() == 0) || (mask.array() - 1 / 0.75).abs() < 1e-12).all());
    CHECK(dropout.backward(g) == dx);  // backward reads the mask, it draws none
}

TEST_CASE("dropout averaged over many masks equals its inference output",
          "[regularizers][exercise:regularization.dropout_forward]") {
    Rng rng(4);
    const Mat x = normal_mat(rng, 20, 1);
    Dropout dropout(0.5, 11);
    Mat sum = Mat::Zero(20, 1);
    const int draws = 20000;
    for (int i = 0; i < draws; ++i) sum += dropout.forward(x, true);
    // E[mask / (1 - p)] = 1 per unit: the sample mean of each unit is within 4 standard errors of x
    const double standard_error = 1.0 / std::sqrt(double(draws));  // sd of mask/(1-p) is 1 for p = 0.5
    CHECK(((sum / draws - dropout.forward(x, false)).array().abs() <=
           4 * standard_error * x.array().abs() + 1e-12)
              .all());
}

TEST_CASE("batch norm's backward matches finite differences for x, gamma and beta", "[regularizers]") {
    Rng rng(5);
    BatchNorm bn(6);
    bn.gamma.value = normal_mat(rng, 6, 1, 1.0, 0.5);
    bn.beta.value = normal_mat(rng, 6, 1);
    const double worst = worst_grad_error(bn, normal_mat(rng, 6, 16, 2.0, 3.0), rng);
    WARN("batch norm: worst relative error against central differences " << worst);
    CHECK(worst < 1e-6);
}

TEST_CASE("batch norm normalizes with batch statistics in training and running ones at inference",
          "[regularizers]") {
    Rng rng(6);
    BatchNorm bn(3);
    const Mat batch = normal_mat(rng, 3, 64, 5.0, 2.0);
    const Mat y = bn.forward(batch, true);
    CHECK(y.rowwise().mean().cwiseAbs().maxCoeff() < 1e-12);                   // mean 0 per feature
    CHECK((y.array().square().rowwise().mean() - 1).abs().maxCoeff() < 1e-3);  // variance 1 (eps = 1e-5)
    // after many batches of N(5, 2^2) the running averages reach the population's mean and variance
    for (int i = 0; i < 200; ++i) bn.forward(normal_mat(rng, 3, 64, 5.0, 2.0), true);
    CHECK((bn.running_mean.array() - 5).abs().maxCoeff() < 0.3);
    CHECK((bn.running_var.array() - 4).abs().maxCoeff() < 0.6);
    // inference: one sample, normalized by the running statistics, not by itself
    const Mat one = Mat::Constant(3, 1, 7.0);
    const Mat expected = (7.0 - bn.running_mean.array()) / (bn.running_var.array() + bn.eps).sqrt();
    CHECK((bn.forward(one, false) - expected).cwiseAbs().maxCoeff() < 1e-12);
    CHECK(bn.forward(one, true).cwiseAbs().maxCoeff() < 1e-12);  // a batch of one normalizes to 0
}

TEST_CASE("L2 and L1 gradients match finite differences of their penalties", "[regularizers]") {
    Rng rng(8);
    Linear a(5, 4, rng), b(4, 3, rng);
    std::vector<Linear*> layers = {&a, &b};
    const double lambda = 0.3, eps = 1e-6;
    for (bool l2 : {true, false}) {
        for (Linear* layer : layers) layer->W.grad.setZero();
        if (l2)
            add_l2_grad(layers, lambda);
        else
            add_l1_grad(layers, lambda);
        auto penalty = [&] { return l2 ? l2_penalty(layers, lambda) : l1_penalty(layers, lambda); };
        for (Linear* layer : layers)
            CHECK(max_rel_error(layer->W.grad, central_differences(layer->W.value, penalty, eps)) < 1e-6);
        CHECK(a.b.grad.isZero());  // biases are not penalized
    }
}

TEST_CASE("max-norm projects long incoming weight vectors onto the ball and leaves short ones",
          "[regularizers][exercise:regularization.max_norm]") {
    Rng rng(9);
    Linear layer(10, 6, rng);
    layer.W.value.row(0) *= 10;    // long
    layer.W.value.row(1) *= 0.01;  // short
    const Vec short_row = layer.W.value.row(1).transpose();
    const Vec long_direction = layer.W.value.row(0).normalized().transpose();
    project_max_norm({&layer}, 1.5);
    CHECK(layer.W.value.rowwise().norm().maxCoeff() <= 1.5 + 1e-12);
    CHECK(layer.W.value.row(0).norm() == Approx(1.5));
    CHECK((layer.W.value.row(0).normalized().transpose() - long_direction).norm() < 1e-12);
    CHECK(layer.W.value.row(1).transpose() == short_row);
}

TEST_CASE("augmentation is deterministic, an identity at zero strength, and stays in the pixel range",
          "[regularizers]") {
    Rng data_rng(10);
    Mat images = Mat::Zero(28 * 28, 4);
    images.middleRows(28 * 10, 28 * 8) = Mat::NullaryExpr(28 * 8, 4, [&] { return data_rng.uniform(); });

    AugmentOptions off;
    off.shift = 0, off.rotation = 0, off.elastic = 0, off.noise = 0;
    Rng rng(1);
    CHECK((augment(images, 28, 28, off, rng) - images).cwiseAbs().maxCoeff() < 1e-12);

    AugmentOptions all;
    all.shift = 3, all.rotation = 15, all.elastic = 34, all.noise = 0.1;
    Rng r1(2), r2(2), r3(3);
    const Mat a = augment(images, 28, 28, all, r1);
    CHECK(a == augment(images, 28, 28, all, r2));
    CHECK(a != augment(images, 28, 28, all, r3));
    CHECK(a.minCoeff() >= 0);
    CHECK(a.maxCoeff() <= 1);
    CHECK((a - images).cwiseAbs().maxCoeff() > 0.1);
}

TEST_CASE("a shift without rotation keeps the image's mass and moves it", "[regularizers]") {
    Mat image = Mat::Zero(28 * 28, 1);
    image(14 * 28 + 14) = 1;  // one bright pixel at row 14, column 14
    AugmentOptions shift_only;
    shift_only.rotation = 0, shift_only.elastic = 0, shift_only.noise = 0;
    shift_only.shift = 5;
    Rng rng(12);
    const Mat moved = augment(image, 28, 28, shift_only, rng);
    // The shift is U(-5, 5) per axis: the pixel's mass is kept (bilinear weights sum to 1) and it moved
    CHECK(moved.sum() == Approx(1.0));
    CHECK(moved(14 * 28 + 14) < 1);
}
