#include "labs/feedback-alignment/feedback_alignment_lab.h"
#include <numeric>
#include "engine/angles.h"
#include "engine/feedback_alignment.h"
#include "engine/update_angles.h"
#include "labs/task_data.h"

namespace pl {

const LabInfo FeedbackAlignmentLab::kInfo = {"feedback-alignment", "Feedback alignment",
                                             "BP vs FA, DFA and sign symmetry; alignment angles"};

FeedbackAlignmentLab::FeedbackAlignmentLab()
    : Lab({
          choice_param("rule", {"bp", "fa", "dfa", "sign"}, 1,
                       "bp: W^T carries the error; fa: fixed random B per layer; dfa: output error straight "
                       "to every hidden layer; sign: sign(W)^T"),
          choice_param("task", {"mnist", "cubic", "student-teacher"}, 0,
                       "MNIST subset, y = x^3 + noise (20 points), or a random teacher MLP 5-25-50-25-5"),
          bool_param("linear", false, "student-teacher: linear teacher and linear student"),
          int_list_param("hidden", {256}, 1, 1024,
                         "hidden layer sizes, e.g. 25,50,25 for the teacher's shape"),
          choice_param("activation", {"relu", "tanh", "sigmoid"}, 0, "hidden-unit nonlinearity"),
          float_param("feedback_scale", 1.0, 0.01, 10, "",
                      "B ~ N(0, scale^2 / fan): scale of the random feedback", true),
          choice_param("optimizer", {"adam", "sgd", "momentum"}, 0,
                       "Adam, plain SGD, or SGD with momentum 0.9"),
          float_param("lr", 0.002, 1e-5, 10, "", "learning rate", true),
          float_param("lr_decay", 0.8, 0.1, 1, "", "learning rate multiplied by this after every epoch"),
          int_param("batch", 32, 1, 1024, "mini-batch size"),
          float_param("init_scale", 1.0, 0.01, 10, "", "W ~ N(0, init_scale^2 / fan_in)", true),
          int_param("epochs", 10, 1, 2000, "passes over the training set"),
          int_param("seed", 1, 0, 1000000000,
                    "seeds the initial weights, the feedback matrices and the data order"),
          int_param("log_every", 25, 1, 10000, "batches between two points of the per-batch curves"),
      }) {}

void FeedbackAlignmentLab::reset() {
    error.clear();
    const std::string task = params.choice("task"), rule_name = params.choice("rule");
    const uint64_t seed = uint64_t(params.integer("seed"));
    const bool linear = params.flag("linear") && task == "student-teacher";
    try {
        data_ = task_data(task, seed, linear);
    } catch (const std::exception& e) {
        error = e.what();
        return;
    }

    std::vector<int> sizes = {int(data_->train.x.rows())};
    for (int h : params.list("hidden")) sizes.push_back(h);
    sizes.push_back(int(data_->train.y.rows()));
    const std::string act = params.choice("activation");
    ActivationKind kind = linear             ? ActivationKind::Identity
                          : act == "relu"    ? ActivationKind::ReLU
                          : act == "sigmoid" ? ActivationKind::Sigmoid
                                             : ActivationKind::Tanh;
    Rng init_rng(seed);  // the same initial weights for every rule
    Mlp net(sizes, kind, init_rng, params.number("init_scale"));

    Rng feedback_rng(seed + 1000003);  // B has its own stream, so W's init does not depend on the rule
    const double scale = params.number("feedback_scale");
    std::unique_ptr<LearningRule> rule;
    if (rule_name == "bp")
        rule = std::make_unique<Backprop>();
    else if (rule_name == "fa")
        rule = std::make_unique<FeedbackAlignment>(net, feedback_rng, scale);
    else if (rule_name == "dfa")
        rule = std::make_unique<DirectFeedbackAlignment>(net, feedback_rng, scale);
    else
        rule = std::make_unique<SignSymmetry>();

    std::unique_ptr<Loss> loss;
    if (data_->train.is_classification())
        loss = std::make_unique<SoftmaxCrossEntropy>();
    else
        loss = std::make_unique<MeanSquaredError>();

    // Angles are measured on 256 fixed training samples (all of them for small sets).
    std::vector<int> probe(size_t(data_->train.size()));
    std::iota(probe.begin(), probe.end(), 0);
    Rng probe_rng(seed + 77);
    probe_rng.shuffle(probe);
    probe.resize(std::min<size_t>(probe.size(), 256));
    probe_x_ = data_->train.x(Eigen::all, probe);
    probe_y_ = data_->train.y(Eigen::all, probe);

    run.extra_columns.clear();
    for (size_t l = 1; l < net.linears().size(); ++l) {
        const std::string n = std::to_string(l);
        run.extra_columns.insert(run.extra_columns.end(), {"angle_to_bp_deg_l" + n, "angle_B_WT_deg_l" + n,
                                                           "angle_B_pinvW_deg_l" + n});
    }
    run.extra_values = [this] { return epoch_angles(); };
    run.start(std::move(net), std::move(loss), std::move(rule),
              make_optimizer(params.choice("optimizer"), params.number("lr")), data_.get(),
              params.integer("batch"), params.integer("epochs"), params.integer("log_every"),
              params.number("lr_decay"), seed + 1);
    samples_seen_ = 0;
}

void FeedbackAlignmentLab::step() {
    if (done() || !data_) return;
    run.step();
    samples_seen_ = run.samples_seen;
    error = run.error;
}

std::vector<double> FeedbackAlignmentLab::epoch_angles() {
    std::vector<double> to_bp = update_angles_to_bp(run.net, *run.loss, *run.rule, probe_x_, probe_y_);
    std::vector<Linear*> layers = run.net.linears();
    const std::string rule = run.rule->name();
    std::vector<double> out;
    for (size_t l = 1; l < layers.size(); ++l) {
        // The feedforward map the feedback stands in for: W_{l+1} for BP/FA/sign, W_L ... W_{l+1} for DFA.
        Mat forward = layers[l]->W.value;
        if (rule == "dfa")
            for (size_t k = l + 1; k < layers.size(); ++k) forward = layers[k]->W.value * forward;
        Mat B = forward.transpose();
        if (rule == "fa") B = static_cast<FeedbackAlignment&>(*run.rule).feedback()[l - 1];
        if (rule == "dfa") B = static_cast<DirectFeedbackAlignment&>(*run.rule).feedback()[l - 1];
        if (rule == "sign") B = forward.array().sign().matrix().transpose();
        out.push_back(to_bp[l - 1]);
        out.push_back(angle_deg(B, forward.transpose()));
        out.push_back(angle_deg(B, pseudo_inverse(forward)));
    }
    return out;
}

}  // namespace pl
