// The method table of Lab 6, and the default hooks: plain training of the run's Mlp (finetune).
#include "engine/learning_rule.h"
#include "labs/continual/continual_method.h"
#include "labs/continual/continual_run.h"

namespace pl {

namespace {
std::unique_ptr<ContinualMethod> make_finetune(const ContinualSettings&) {
    return std::make_unique<ContinualMethod>();
}
}  // namespace

const Table<MethodFactory>& method_table() {
    static const Table<MethodFactory> table(
        "method",
        {
            {"finetune", "fine-tune: train on each context in turn, nothing else (the baseline)",
             make_finetune},
            {"joint", "joint: train on every context seen so far (the upper bound)", make_joint},
            {"ewc", "EWC: a quadratic penalty per finished context, weighted by its Fisher", make_ewc},
            {"online-ewc", "online EWC: one running Fisher, F <- gamma F + F_new", make_online_ewc},
            {"si", "synaptic intelligence: importance from each weight's path integral", make_si},
            {"replay", "experience replay: stored digits of earlier contexts in every batch", make_replay},
            {"generative-replay",
             "generative replay: a VAE's digits, labelled by the previous model, in every batch",
             make_generative_replay},
            {"hnet", "hypernetwork: weights generated per context embedding, earlier contexts' outputs kept",
             make_hnet},
        });
    return table;
}

std::vector<Param*> ContinualMethod::params(ContinualRun& run) { return run.net.params(); }

Mat ContinualMethod::forward(ContinualRun& run, const Mat& x) { return run.net.forward(x, true); }

void ContinualMethod::backward(ContinualRun& run, const Mat& grad_logits) {
    Backprop().backward(run.net, grad_logits);
}

Mat ContinualMethod::predict(ContinualRun& run, const Mat& x) { return run.net.infer(x); }

}  // namespace pl
