// Feedback alignment, direct feedback alignment, sign symmetry and Kolen-Pollack: exact small cases against
// hand-computed numbers and Eigen formulas, Lillicrap's alignment effect, and the table of learning rules.
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include "engine/angles.h"
#include "engine/feedback_alignment.h"
#include "engine/learning_rule.h"
#include "engine/learning_rules.h"
#include "engine/mlp.h"
#include "engine/optimizer.h"
#include "engine/random_matrix.h"
#include "engine/update_angles.h"
#include "labs/params.h"
#include "tests/unit/rule_test_helpers.h"

using namespace pl;

// A 2-3-2 ReLU net with hand-picked weights, b = 0
static Mlp tiny_relu_net(const Mat& W1, const Mat& W2) {
    Rng rng(1);
    Mlp net;
    net.add(std::make_unique<Linear>(2, 3, rng));
    net.add(std::make_unique<Activation>(ActivationKind::ReLU));
    net.add(std::make_unique<Linear>(3, 2, rng));
    net.linears()[0]->W.value = W1;
    net.linears()[1]->W.value = W2;
    return net;
}

TEST_CASE("feedback rules: FA with B = W^T gives backprop's gradients",
          "[feedback][exercise:feedback-alignment.fa_backward]") {
    Rng rng(3), feedback_rng(4);
    Mlp net({4, 5, 6, 3}, ActivationKind::Tanh, rng);
    const Mat x = normal_matrix(rng, 4, 7, 1.0), grad_out = normal_matrix(rng, 3, 7, 0.1);
    FeedbackAlignment fa(net, feedback_rng);
    REQUIRE(fa.feedback().size() == 2);
    for (size_t k = 0; k < fa.feedback().size(); ++k)
        fa.feedback()[k] = net.linears()[k + 1]->W.value.transpose();
    Backprop bp;
    const std::vector<Mat> want = grads_of(bp, net, x, grad_out);
    const std::vector<Mat> got = grads_of(fa, net, x, grad_out);
    REQUIRE(got.size() == 6);
    for (size_t i = 0; i < got.size(); ++i) REQUIRE((got[i] - want[i]).norm() <= 1e-14 * want[i].norm());
}

TEST_CASE("feedback rules: random B has W^T's shape and scale and leaves the top layer as in BP",
          "[feedback]") {
    Rng rng(3), feedback_rng(8);
    Mlp net({20, 300, 200, 10}, ActivationKind::Tanh, rng);
    FeedbackAlignment fa(net, feedback_rng, 2.0);
    DirectFeedbackAlignment dfa(net, feedback_rng, 2.0);
    REQUIRE(fa.feedback()[0].rows() == 300);  // B_2 carries the error of linears()[1]: 200 -> 300
    REQUIRE(fa.feedback()[0].cols() == 200);
    REQUIRE(fa.feedback()[1].rows() == 200);
    REQUIRE(fa.feedback()[1].cols() == 10);
    REQUIRE(dfa.feedback()[0].rows() == 300);
    REQUIRE(dfa.feedback()[1].rows() == 200);
    REQUIRE(dfa.feedback()[1].cols() == 10);
    // sd = scale / sqrt(rows): the sample sd of 60,000 entries is within 2% of it
    const Mat& B = fa.feedback()[0];
    REQUIRE(std::sqrt(B.squaredNorm() / double(B.size())) == Approx(2.0 / std::sqrt(300.0)).epsilon(0.02));

    const Mat x = normal_matrix(rng, 20, 5, 1.0), grad_out = normal_matrix(rng, 10, 5, 0.1);
    Backprop bp;
    SignSymmetry sign;
    const std::vector<Mat> want = grads_of(bp, net, x, grad_out);
    for (LearningRule* rule : std::vector<LearningRule*>{&fa, &dfa, &sign}) {
        INFO("rule " << rule->name());
        const std::vector<Mat> got = grads_of(*rule, net, x, grad_out);
        REQUIRE(got[4] == want[4]);  // W3
        REQUIRE(got[5] == want[5]);  // b3
        INFO("W2 angle to BP " << angle_deg(got[2], want[2]) << ", W1 " << angle_deg(got[0], want[0]));
        if (rule == &sign)  // sign(w) correlates with w: cos = E|w| / sqrt(E w^2) = sqrt(2 / pi), 37 degrees
            REQUIRE(angle_deg(got[2], want[2]) < 45);
        else  // random feedback: about orthogonal to BP at init
            REQUIRE(angle_deg(got[0], want[0]) > 70);
    }
}

TEST_CASE("feedback rules: one FA step on a 2-3-2 ReLU net, by hand",
          "[feedback][exercise:feedback-alignment.fa_backward]") {
    Mat W1(3, 2), W2(2, 3), B(3, 2), x(2, 1), g(2, 1);
    W1 << 1, 0, 0, 1, 1, -1;
    W2 << 1, 0, 1, 0, 1, 1;
    B << 1, 2, 0, 1, 1, 1;
    x << 1, 2;
    g << 0.5, -1;
    Mlp net = tiny_relu_net(W1, W2);
    Rng rng(1);
    FeedbackAlignment fa(net, rng);
    fa.feedback()[0] = B;
    // a1 = W1 x = (1, 2, -1), h1 = (1, 2, 0), f' = (1, 1, 0), out = W2 h1 = (1, 2)
    REQUIRE(net.forward(x, true).isApprox((Mat(2, 1) << 1, 2).finished()));
    fa.backward(net, g);
    // W2.grad = g h1^T; B g = (-1.5, -1, -0.5), delta1 = (-1.5, -1, 0), W1.grad = delta1 x^T
    Mat want_W2(2, 3), want_W1(3, 2), want_b1(3, 1);
    want_W2 << 0.5, 1, 0, -1, -2, 0;
    want_W1 << -1.5, -3, -1, -2, 0, 0;
    want_b1 << -1.5, -1, 0;
    REQUIRE(net.linears()[1]->W.grad.isApprox(want_W2));
    REQUIRE(net.linears()[1]->b.grad.isApprox(g));
    REQUIRE(net.linears()[0]->W.grad.isApprox(want_W1));
    REQUIRE(net.linears()[0]->b.grad.isApprox(want_b1));
    // backprop would send W2^T g .* f' = (0.5, -1, 0) instead
    Backprop().backward(net, g);
    REQUIRE(net.linears()[0]->b.grad.isApprox((Mat(3, 1) << 0.5, -1, 0).finished()));
}

TEST_CASE("feedback rules: DFA hidden grads equal (B_k e) times f'(a_k) h_{k-1}^T",
          "[feedback][exercise:feedback-alignment.dfa_backward]") {
    Rng rng(11), feedback_rng(12);
    Mlp net({3, 4, 4, 2}, ActivationKind::Tanh, rng);
    DirectFeedbackAlignment dfa(net, feedback_rng);
    REQUIRE(dfa.feedback().size() == 2);
    const Mat x = normal_matrix(rng, 3, 5, 1.0), e = normal_matrix(rng, 2, 5, 1.0);
    net.forward(x, true);
    dfa.backward(net, e);

    std::vector<Linear*> L = net.linears();
    const Mat a1 = (L[0]->W.value * x).colwise() + L[0]->b.value.col(0);
    const Mat h1 = a1.array().tanh().matrix();
    const Mat a2 = (L[1]->W.value * h1).colwise() + L[1]->b.value.col(0);
    const Mat h2 = a2.array().tanh().matrix();
    const Mat d1 = (dfa.feedback()[0] * e).cwiseProduct((1.0 - h1.array().square()).matrix());
    const Mat d2 = (dfa.feedback()[1] * e).cwiseProduct((1.0 - h2.array().square()).matrix());
    REQUIRE(L[0]->W.grad.isApprox(d1 * x.transpose(), 1e-12));
    REQUIRE(L[0]->b.grad.isApprox(d1.rowwise().sum(), 1e-12));
    REQUIRE(L[1]->W.grad.isApprox(d2 * h1.transpose(), 1e-12));
    REQUIRE(L[2]->W.grad.isApprox(e * h2.transpose(), 1e-12));
    REQUIRE(L[2]->b.grad.isApprox(e.rowwise().sum(), 1e-12));
}

TEST_CASE("feedback rules: sign symmetry with all-positive weights sends the error through ones",
          "[feedback]") {
    Rng rng(21);
    Mlp net({3, 4, 2}, ActivationKind::Sigmoid, rng);
    for (Linear* layer : net.linears()) layer->W.value = layer->W.value.cwiseAbs();
    const Mat x = normal_matrix(rng, 3, 6, 1.0), g = normal_matrix(rng, 2, 6, 1.0);
    net.forward(x, true);
    SignSymmetry().backward(net, g);
    const Mat h = 1.0 / (1.0 + (-((net.linears()[0]->W.value * x).array())).exp());
    const Mat delta = (Mat::Ones(4, 2) * g).cwiseProduct((h.array() * (1.0 - h.array())).matrix());
    REQUIRE(net.linears()[0]->W.grad.isApprox(delta * x.transpose(), 1e-12));
}

TEST_CASE("feedback rules: sign symmetry on a hand-built 2-2-2 ReLU net", "[feedback]") {
    Rng rng(1);
    Mlp net;
    net.add(std::make_unique<Linear>(2, 2, rng));
    net.add(std::make_unique<Activation>(ActivationKind::ReLU));
    net.add(std::make_unique<Linear>(2, 2, rng));
    net.linears()[0]->W.value = (Mat(2, 2) << 2, -1, 1, 1).finished();
    net.linears()[1]->W.value = (Mat(2, 2) << -0.5, 3, 0.25, -2).finished();
    const Mat x = (Mat(2, 1) << 1, 1).finished(), g = (Mat(2, 1) << 1, 2).finished();
    // h1 = relu(1, 2) = (1, 2); sign(W2)^T g = (-1 + 2, 1 - 2) = (1, -1) (BP: W2^T g = (0, -1))
    net.forward(x, true);
    SignSymmetry().backward(net, g);
    REQUIRE(net.linears()[0]->W.grad.isApprox((Mat(2, 2) << 1, 1, -1, -1).finished()));
    REQUIRE(net.linears()[0]->b.grad.isApprox((Mat(2, 1) << 1, -1).finished()));
    REQUIRE(net.linears()[1]->W.grad.isApprox((Mat(2, 2) << 1, 2, 2, 4).finished()));
}

TEST_CASE("feedback rules: a net that is not Linear, Activation, ..., Linear is refused", "[feedback]") {
    Rng rng(1);
    Mlp net;
    net.add(std::make_unique<Linear>(2, 2, rng));
    net.add(std::make_unique<Linear>(2, 2, rng));
    REQUIRE_THROWS_AS(FeedbackAlignment(net, rng), std::invalid_argument);
    Mlp other({2, 3, 3, 2}, ActivationKind::Tanh, rng);
    FeedbackAlignment fa(other, rng);
    Mlp smaller({2, 3, 2}, ActivationKind::Tanh, rng);
    smaller.forward(Mat::Ones(2, 1), true);
    REQUIRE_THROWS_AS(fa.backward(smaller, Mat::Ones(2, 1)), std::invalid_argument);
}

// Angle between FA's and BP's update of W1 on one batch
static double fa_bp_angle_w1(Mlp& net, FeedbackAlignment& fa, const Mat& x, const Mat& y) {
    const Mat grad_out = (net.forward(x, true) - y) / double(x.cols());  // MSE gradient
    fa.backward(net, grad_out);
    const Mat fa_w1 = net.linears()[0]->W.grad;
    Backprop().backward(net, grad_out);
    return angle_deg(fa_w1, net.linears()[0]->W.grad);
}

TEST_CASE("feedback rules: FA aligns with BP on a linear 10-20-5 student-teacher task (Lillicrap)",
          "[feedback]") {
    Rng rng(7), feedback_rng(8);
    const Mat teacher = normal_matrix(rng, 5, 10, 1.0 / std::sqrt(10.0));
    // Small initial weights, as in Lillicrap et al.: W2 grows along B^T before the task is solved. (From
    // init_scale 1 the student solves it within 600 steps while still at 75-90 degrees.)
    Mlp net({10, 20, 5}, ActivationKind::Identity, rng, 0.1);
    FeedbackAlignment fa(net, feedback_rng);
    Sgd sgd(0.05);
    const Mat x_eval = normal_matrix(rng, 10, 200, 1.0), y_eval = teacher * x_eval;
    const double start_angle = fa_bp_angle_w1(net, fa, x_eval, y_eval);
    for (int step = 0; step < 3000; ++step) {
        const Mat x = normal_matrix(rng, 10, 32, 1.0);
        const Mat out = net.forward(x, true);
        fa.backward(net, (out - teacher * x) / 32.0);
        sgd.step(net.params());
    }
    const double end_angle = fa_bp_angle_w1(net, fa, x_eval, y_eval);
    const double end_loss = (net.forward(x_eval) - y_eval).squaredNorm() / 200.0;
    INFO("FA vs BP angle of the W1 update: " << start_angle << " deg at start, " << end_angle
                                             << " deg after 3000 SGD steps, eval MSE " << end_loss);
    REQUIRE(start_angle > 70);
    REQUIRE(end_angle < 60);
    REQUIRE(end_loss < 0.01 * y_eval.squaredNorm() / 200.0);
}

TEST_CASE("learning rules: the table builds every rule by name and refuses unknown names", "[feedback]") {
    Rng rng(5), rule_rng(6);
    Mlp net({3, 4, 4, 2}, ActivationKind::Tanh, rng);
    const Mat x = normal_matrix(rng, 3, 5, 1.0), grad_out = normal_matrix(rng, 2, 5, 0.1);
    for (const TableEntry<RuleFactory>& entry : learning_rule_table().entries()) {
        INFO("rule " << entry.name);
        std::unique_ptr<LearningRule> rule = entry.value(net, rule_rng, RuleOptions{});
        REQUIRE(rule->name() == entry.name);
        REQUIRE(!entry.help.empty());
        const std::vector<Mat> grads = grads_of(*rule, net, x, grad_out);
        REQUIRE(grads[0].allFinite());
    }
    REQUIRE_THROWS_WITH(
        learning_rule_table().find("hebb"),
        Catch::Equals("unknown learning rule 'hebb'; valid: bp, fa, dfa, sign, kolen-pollack, dtp, pc"));
    // a lab's subset is checked against the table when it is declared
    REQUIRE_THROWS_WITH(choice_param("rule", learning_rule_table(), {"bp", "fsa"}, "bp", ""),
                        Catch::Contains("unknown learning rule 'fsa'; valid: bp, fa"));
    REQUIRE_THROWS_AS(choice_param("rule", learning_rule_table(), {"bp", "fa"}, "dtp", ""),
                      std::invalid_argument);
    const ParamSpec spec = choice_param("rule", learning_rule_table(), {"bp", "fa"}, "fa", "the rule");
    REQUIRE(spec.choices == std::vector<std::string>{"bp", "fa"});
    REQUIRE(spec.def == 1);
    REQUIRE_THAT(spec.help,
                 Catch::StartsWith("the rule; bp = backprop") && Catch::Contains("; fa = feedback"));
}

TEST_CASE("learning rules: each hidden layer's feedback path is the matrix its error travels through",
          "[feedback]") {
    Rng rng(9), rule_rng(10);
    Mlp net({3, 5, 4, 2}, ActivationKind::Tanh, rng);
    std::vector<Linear*> L = net.linears();
    FeedbackAlignment fa(net, rule_rng);
    DirectFeedbackAlignment dfa(net, rule_rng);
    const std::vector<FeedbackPath> bp_paths = Backprop().feedback_paths(net),
                                    fa_paths = fa.feedback_paths(net), dfa_paths = dfa.feedback_paths(net),
                                    sign_paths = SignSymmetry().feedback_paths(net);
    REQUIRE(bp_paths.size() == 2);
    REQUIRE(bp_paths[0].feedback == L[1]->W.value.transpose());
    REQUIRE(fa_paths[1].feedback == fa.feedback()[1]);
    REQUIRE(fa_paths[1].forward == L[2]->W.value);
    REQUIRE(dfa_paths[0].feedback == dfa.feedback()[0]);
    REQUIRE(dfa_paths[0].forward.isApprox(L[2]->W.value * L[1]->W.value));  // h_1 -> output
    REQUIRE(sign_paths[0].feedback == L[1]->W.value.array().sign().matrix().transpose());
}

// Kolen-Pollack and FA from the same weights and the same B on a tanh student-teacher task, trained with Adam
namespace {
struct AlignmentAfterTraining {
    double B_to_WT_deg = 0;       // mean over the hidden layers of angle(B_l, W_l^T)
    double update_to_bp_deg = 0;  // update angle to BP over all weights, on held-out samples
};

AlignmentAfterTraining train_and_measure(const std::string& rule_name, int steps) {
    Rng rng(31), rule_rng(32), data_rng(33);
    Mlp teacher({8, 16, 4}, ActivationKind::Tanh, rng);
    Mlp net({8, 32, 32, 4}, ActivationKind::Tanh, rng);
    std::unique_ptr<LearningRule> rule =
        learning_rule_table().find(rule_name).value(net, rule_rng, RuleOptions{});
    Adam adam(0.003);
    MeanSquaredError mse;
    for (int step = 0; step < steps; ++step) {
        const Mat x = normal_matrix(data_rng, 8, 32, 1.0);
        const Mat y = teacher.forward(x);
        rule->backward(net, mse.grad(net.forward(x, true), y));
        adam.step(net.params());
    }
    AlignmentAfterTraining out;
    for (const FeedbackPath& path : rule->feedback_paths(net))
        out.B_to_WT_deg += angle_deg(path.feedback, path.forward.transpose()) / 2.0;
    const Mat x = normal_matrix(data_rng, 8, 256, 1.0);
    out.update_to_bp_deg = update_angles_to_bp(net, mse, *rule, x, teacher.forward(x)).all;
    return out;
}
}  // namespace

TEST_CASE("Kolen-Pollack: B - W^T shrinks by (1 - decay) every step", "[feedback]") {
    Rng rng(41), rule_rng(42);
    Mlp net({3, 6, 5, 2}, ActivationKind::Tanh, rng);
    RuleOptions options;
    options.kp_decay = 0.1;
    std::unique_ptr<LearningRule> kp = make_kolen_pollack(net, rule_rng, options);
    Sgd sgd(0.5);
    auto gaps = [&] {  // ||B_l - W_l^T|| for l = 2, 3
        std::vector<double> out;
        for (const FeedbackPath& path : kp->feedback_paths(net))
            out.push_back((path.feedback - path.forward.transpose()).norm());
        return out;
    };
    const Mat x = normal_matrix(rng, 3, 4, 1.0), grad_out = normal_matrix(rng, 2, 4, 1.0);
    grads_of(*kp, net, x, grad_out);  // the first step has no update to mirror: only the decay
    std::vector<double> before = gaps();
    for (int step = 0; step < 3; ++step) {
        sgd.step(net.params());  // W moves by -lr W.grad; the next backward gives B the same move, transposed
        grads_of(*kp, net, x, grad_out);
        const std::vector<double> after = gaps();
        for (size_t l = 0; l < after.size(); ++l) REQUIRE(after[l] == Approx(0.9 * before[l]).epsilon(1e-12));
        before = after;
    }
}

TEST_CASE("Kolen-Pollack: B converges to W^T, and the update comes closer to BP's than FA's", "[feedback]") {
    const AlignmentAfterTraining kp = train_and_measure("kolen-pollack", 2000);
    const AlignmentAfterTraining fa = train_and_measure("fa", 2000);
    INFO("after 2000 Adam steps: angle(B, W^T) " << kp.B_to_WT_deg << " deg (KP) vs " << fa.B_to_WT_deg
                                                 << " (FA); update to BP " << kp.update_to_bp_deg << " vs "
                                                 << fa.update_to_bp_deg);
    CHECK(kp.B_to_WT_deg < 20);
    CHECK(kp.B_to_WT_deg < fa.B_to_WT_deg - 30);
    CHECK(kp.update_to_bp_deg < fa.update_to_bp_deg);
}
