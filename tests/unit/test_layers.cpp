// Every layer and loss against central finite differences in double precision (relative error < 1e-6).
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/activation.h"
#include "engine/batch_norm.h"
#include "engine/dropout.h"
#include "engine/gradient_check.h"
#include "engine/learning_rule.h"
#include "engine/linear.h"
#include "engine/loss.h"
#include "engine/mlp.h"
#include "tests/unit/finite_differences.h"

using namespace pl;

static Mat random_mat(Rng& rng, int rows, int cols) {
    Mat m(rows, cols);
    for (double& v : m.reshaped()) v = rng.normal();
    return m;
}

// Entries at least 0.1 away from 0, so a finite-difference step never crosses the ReLU kink
static Mat away_from_zero(Rng& rng, int rows, int cols) {
    Mat m(rows, cols);
    for (double& v : m.reshaped()) v = (rng.below(2) ? 1.0 : -1.0) * rng.uniform(0.1, 2.0);
    return m;
}

// L(x) = sum(R .* layer(x)); compares backward(R) = dL/dx with central differences of L
static double max_input_grad_error(Layer& layer, const Mat& x, Rng& rng) {
    const Mat y = layer.forward(x, true);
    const Mat R = random_mat(rng, int(y.rows()), int(y.cols()));
    const Mat dx = layer.backward(R);
    REQUIRE(dx.rows() == x.rows());
    REQUIRE(dx.cols() == x.cols());
    Mat xv = x;
    return max_rel_error(
        dx, central_differences(xv, [&] { return R.cwiseProduct(layer.forward(xv, true)).sum(); }));
}

// Smallest |pre-activation| reaching any activation layer: must stay far above the step size for ReLU
static double min_abs_activation_input(Mlp& net, const Mat& x) {
    double smallest = 1e300;
    Mat a = x;
    for (auto& layer : net.layers) {
        if (dynamic_cast<Activation*>(layer.get())) smallest = std::min(smallest, a.cwiseAbs().minCoeff());
        a = layer->forward(a, false);
    }
    return smallest;
}

TEST_CASE("layers: every activation's dL/dx matches finite differences", "[layers]") {
    for (ActivationKind kind :
         {ActivationKind::Sigmoid, ActivationKind::Tanh, ActivationKind::ReLU, ActivationKind::Identity}) {
        Rng rng(17);
        Activation act(kind);
        INFO("activation " << act.name());
        REQUIRE(max_input_grad_error(act, away_from_zero(rng, 4, 3), rng) < 1e-6);
    }
}

TEST_CASE("layers: activation values and names", "[layers]") {
    Mat x(1, 3);
    x << -2.0, 0.0, 3.0;
    REQUIRE(
        Activation(ActivationKind::ReLU).forward(x, false).isApprox((Mat(1, 3) << 0.0, 0.0, 3.0).finished()));
    REQUIRE(Activation(ActivationKind::Sigmoid).forward(x, false)(1) == Approx(0.5));
    REQUIRE(Activation(ActivationKind::Tanh).forward(x, false)(2) == Approx(std::tanh(3.0)));
    Activation relu(ActivationKind::ReLU);
    relu.forward(x, true);
    REQUIRE(relu.derivative()(1) == 0.0);  // f'(0) = 0 by convention
    REQUIRE(std::string(activation_name(ActivationKind::Sigmoid)) == "sigmoid");
    REQUIRE(std::string(activation_name(ActivationKind::Tanh)) == "tanh");
    REQUIRE(relu.name() == "relu");
    REQUIRE(std::string(activation_name(ActivationKind::Identity)) == "identity");
}

TEST_CASE("layers: the activation table names every kind once and refuses unknown names", "[layers]") {
    REQUIRE(activation_table().names() == std::vector<std::string>{"relu", "tanh", "sigmoid", "identity"});
    for (const TableEntry<ActivationKind>& entry : activation_table().entries())
        REQUIRE(activation_name(entry.value) == entry.name);
    REQUIRE(activation_table().find("tanh").value == ActivationKind::Tanh);
    REQUIRE_THROWS_WITH(activation_table().find("gelu"),
                        Catch::Equals("unknown activation 'gelu'; valid: relu, tanh, sigmoid, identity"));
}

TEST_CASE("layers: Linear dL/dx, dL/dW and dL/db match finite differences",
          "[layers][exercise:backprop.linear_backward]") {
    Rng rng(23);
    Linear lin(5, 3, rng, 1.0, 2);
    REQUIRE(lin.W.name == "W2");
    REQUIRE(lin.b.name == "b2");
    REQUIRE(lin.in() == 5);
    REQUIRE(lin.out() == 3);
    const Mat x = random_mat(rng, 5, 4);
    REQUIRE(max_input_grad_error(lin, x, rng) < 1e-6);

    // parameter gradients for L = sum(R .* (W x + b))
    const Mat R = random_mat(rng, 3, 4);
    lin.forward(x, true);
    lin.backward(R);
    auto loss = [&] { return R.cwiseProduct(lin.forward(x, false)).sum(); };
    for (Param* p : lin.params()) REQUIRE(max_rel_error(p->grad, central_differences(p->value, loss)) < 1e-6);
}

TEST_CASE("layers: Linear forward, init statistics and the feedback backward", "[layers]") {
    Rng rng(5);
    Linear lin(400, 300, rng, 2.0);
    REQUIRE(lin.b.value.isZero());
    const double var = lin.W.value.squaredNorm() / double(lin.W.value.size());
    REQUIRE(var == Approx(4.0 / 400).epsilon(0.03));  // init_scale^2 / fan_in

    Linear small(3, 2, rng);
    small.b.value << 1.0, -1.0;
    const Mat x = random_mat(rng, 3, 5);
    const Mat y = small.forward(x, true);
    REQUIRE(y.isApprox((small.W.value * x).colwise() + small.b.value.col(0)));

    const Mat g = random_mat(rng, 2, 5);
    const Mat B = random_mat(rng, 3, 2);
    const Mat down = small.backward(g, B);
    REQUIRE(down.isApprox(B * g));
    REQUIRE(small.W.grad.isApprox(g * x.transpose()));
    REQUIRE(small.b.grad.isApprox(g.rowwise().sum()));
    REQUIRE(small.backward(g).isApprox(small.W.value.transpose() * g));
}

TEST_CASE("layers: loss gradients match finite differences of the loss value",
          "[layers][loss][exercise:backprop.softmax_cross_entropy_grad]") {
    Rng rng(31);
    const Mat out = random_mat(rng, 4, 6);
    Mat onehot = Mat::Zero(4, 6);
    for (int j = 0; j < 6; ++j) onehot(rng.below(4), j) = 1.0;
    const Mat target = random_mat(rng, 4, 6);
    SoftmaxCrossEntropy ce;
    MeanSquaredError mse;
    const Loss* losses[] = {&ce, &mse};
    const Mat* targets[] = {&onehot, &target};
    for (int i = 0; i < 2; ++i) {
        const Loss& loss = *losses[i];
        const Mat& y = *targets[i];
        INFO("loss " << loss.name());
        Mat o = out;
        REQUIRE(max_rel_error(loss.grad(out, y), central_differences(o, [&] { return loss.value(o, y); })) <
                1e-6);
    }
}

TEST_CASE("layers: loss values on hand examples", "[layers][loss]") {
    SoftmaxCrossEntropy ce;
    MeanSquaredError mse;
    // uniform logits over 4 classes: L = log 4
    const Mat logits = Mat::Zero(4, 3);
    Mat onehot = Mat::Zero(4, 3);
    onehot(0, 0) = onehot(2, 1) = onehot(3, 2) = 1.0;
    REQUIRE(ce.value(logits, onehot) == Approx(std::log(4.0)));
    // huge logits stay finite: softmax shifts by the column max
    Mat big(2, 1);
    big << 1000.0, 0.0;
    const Mat p = softmax(big);
    REQUIRE(p(0) == Approx(1.0));
    REQUIRE(p(1) >= 0.0);
    Mat wrong(2, 1);
    wrong << 0.0, 1.0;
    REQUIRE(ce.value(big, wrong) == Approx(1000.0));
    Rng rng(2);
    REQUIRE(softmax(random_mat(rng, 5, 7)).colwise().sum().isApprox(Mat::Ones(1, 7)));
    // MSE: (1/B) sum 1/2 ||o - y||^2 with B = 2: (1/2)(1/2 * 4 + 1/2 * 1) = 1.25
    Mat o(1, 2), y(1, 2);
    o << 2.0, 1.0;
    y << 0.0, 0.0;
    REQUIRE(mse.value(o, y) == Approx(1.25));
    REQUIRE(mse.grad(o, y).isApprox((Mat(1, 2) << 1.0, 0.5).finished()));
    REQUIRE(mse.predict(o) == o);
}

TEST_CASE("layers: check_gradients passes for small nets with every activation and loss",
          "[layers][gradcheck]") {
    for (ActivationKind kind :
         {ActivationKind::Sigmoid, ActivationKind::Tanh, ActivationKind::ReLU, ActivationKind::Identity}) {
        for (int use_ce = 0; use_ce < 2; ++use_ce) {
            Rng rng(101);
            Mlp net({3, 5, 4, 2}, kind, rng);
            const Mat x = random_mat(rng, 3, 6);
            Mat y = Mat::Zero(2, 6);
            if (use_ce)
                for (int j = 0; j < 6; ++j) y(rng.below(2), j) = 1.0;
            else
                y = random_mat(rng, 2, 6);
            SoftmaxCrossEntropy ce;
            MeanSquaredError mse;
            const Loss& loss = use_ce ? static_cast<const Loss&>(ce) : static_cast<const Loss&>(mse);
            INFO("activation " << activation_name(kind) << ", loss " << loss.name());
            REQUIRE(min_abs_activation_input(net, x) > 1e-3);  // no ReLU kink within a step

            const auto rows = check_gradients(net, loss, x, y, rng, 0);
            REQUIRE(rows.size() == 6);
            const char* names[] = {"W1", "b1", "W2", "b2", "W3", "b3"};
            for (size_t i = 0; i < rows.size(); ++i) {
                INFO("param " << rows[i].param);
                REQUIRE(rows[i].param == names[i]);
                REQUIRE(rows[i].checked == net.params()[i]->value.size());
                REQUIRE(rows[i].analytic_norm > 0);
                REQUIRE(rows[i].numeric_norm == Approx(rows[i].analytic_norm).epsilon(1e-6));
                REQUIRE(rows[i].max_rel_error < 1e-6);
            }
        }
    }
}

TEST_CASE("layers: check_gradients samples per_param entries and leaves the weights unchanged",
          "[gradcheck]") {
    Rng rng(8);
    Mlp net({4, 6, 3}, ActivationKind::Tanh, rng);
    const Mat x = random_mat(rng, 4, 5);
    const Mat y = random_mat(rng, 3, 5);
    std::vector<Mat> before;
    for (Param* p : net.params()) before.push_back(p->value);
    const auto rows = check_gradients(net, MeanSquaredError(), x, y, rng, 4);
    REQUIRE(rows[0].checked == 4);  // W1 has 24 entries
    REQUIRE(rows[1].checked == 4);  // b1 has 6
    REQUIRE(rows[3].checked == 3);  // b2 has 3: all of them
    for (size_t i = 0; i < before.size(); ++i) REQUIRE(bool(net.params()[i]->value == before[i]));
}

// y = 2x with a deliberately wrong backward (returns g instead of 2g)
class BrokenDouble : public Layer {
public:
    std::string name() const override { return "broken"; }
    Mat forward(const Mat& x, bool) override { return 2.0 * x; }
    Mat infer(const Mat& x) override { return 2.0 * x; }
    Mat backward(const Mat& grad_out) override { return grad_out; }
};

TEST_CASE("layers: check_gradients catches a wrong backward pass", "[gradcheck]") {
    Rng rng(9);
    Mlp net({2, 3, 1}, ActivationKind::Tanh, rng);
    net.layers.insert(net.layers.begin() + 1, std::make_unique<BrokenDouble>());  // after Linear 1
    const Mat x = random_mat(rng, 2, 4);
    const Mat y = random_mat(rng, 1, 4);
    const auto rows = check_gradients(net, MeanSquaredError(), x, y, rng, 0);
    REQUIRE(rows[0].param == "W1");
    REQUIRE(rows[0].max_rel_error > 0.1);   // dL/dW1 is off by a factor 2
    REQUIRE(rows[2].max_rel_error < 1e-6);  // W2 sits above the broken layer
    REQUIRE(rows[0].numeric_norm == Approx(2 * rows[0].analytic_norm).epsilon(1e-6));
}

TEST_CASE("layers: infer() between a training forward and its backward changes no gradient", "[layers]") {
    Rng rng(11);
    Mlp net({4, 6, 5, 3}, ActivationKind::ReLU, rng);
    net.layers.insert(net.layers.begin() + 2, std::make_unique<Dropout>(0.5, 3));  // after the first ReLU
    net.layers.insert(net.layers.begin() + 2, std::make_unique<BatchNorm>(6));
    const Mat x = random_mat(rng, 4, 8), g = random_mat(rng, 3, 8), other = random_mat(rng, 4, 1);
    auto grads = [&](bool infer_between) {
        Dropout& dropout = dynamic_cast<Dropout&>(*net.layers[3]);
        dropout = Dropout(0.5, 3);  // the same mask in both runs
        net.forward(x, true);
        if (infer_between) CHECK(net.infer(other).cols() == 1);  // the drawing pad's digit
        const Mat dx = net.backward(g);
        std::vector<Mat> out = {dx};
        for (Param* p : net.params()) out.push_back(p->grad);
        return out;
    };
    const std::vector<Mat> plain = grads(false), with_infer = grads(true);
    for (size_t i = 0; i < plain.size(); ++i) CHECK(bool(plain[i] == with_infer[i]));
    // a forward of another batch in between is refused by name instead of mixing the two batches
    net.forward(x, true);
    net.forward(other, false);
    CHECK_THROWS_WITH(net.backward(g),
                      Catch::StartsWith("Linear::backward: dL/dy is 3 x 8, the layer's output was "
                                        "3 x 1 in its last forward()"));
}
