// A continual-learning method: what it adds to plain training of the run's network on one context after
// another (finetune adds nothing). Every hook has a default; a method is one file with its factory and one
// line of method_table() (continual_methods.cpp).
#pragma once
#include <memory>
#include <vector>
#include "engine/dataset.h"
#include "engine/layer.h"
#include "engine/table.h"
#include "labs/continual/continual_settings.h"

namespace pl {

class ContinualRun;

class ContinualMethod {
public:
    virtual ~ContinualMethod() = default;
    // Whether a context's training set is every context seen so far (joint) rather than its own.
    virtual bool trains_on_all_seen() const { return false; }

    // The network (default: the run's Mlp, run.net). A method that brings its own (a hypernetwork) overrides
    // the four: the trained params; the logits over every output unit of a batch of the context in training
    // (run.context); the backward of dL/dlogits, filling every param's grad; and the logits to evaluate (in
    // the task scenario each head must come from its own context's network).
    virtual std::vector<Param*> params(ContinualRun& run);
    virtual Mat forward(ContinualRun& run, const Mat& x);
    virtual void backward(ContinualRun& run, const Mat& grad_logits);
    virtual Mat predict(ContinualRun& run, const Mat& x);

    // Training hooks, in the order they run.
    virtual void begin_context(ContinualRun& run) { (void)run; }  // run.context is the new context
    // May append samples to the batch and set run.batch_weights (one loss weight per sample; empty: 1/B).
    virtual void transform_batch(ContinualRun& run, Mat& x, Mat& y) { (void)run, (void)x, (void)y; }
    // The method's own work on the batch in training (x: the batch as transformed) before the classifier's:
    // one part (a step's worth) per call, true when finished; called again at each step until then.
    virtual bool train_on_batch(ContinualRun& run, const Mat& x) { return (void)run, (void)x, true; }
    // After the batch's backward: adds the penalty's gradient to the params' grads, returns its value.
    virtual double penalty(ContinualRun& run) { return (void)run, 0.0; }
    virtual void after_update(ContinualRun& run) { (void)run; }  // after the optimizer's step
    // run.context has just been trained: one bounded slice (a step's worth) of the method's boundary work,
    // true when it is finished; called again at each step until then, with nothing in between.
    virtual bool end_context(ContinualRun& run) { return (void)run, true; }

    // What the method keeps, for the panel: a per-param importance (EWC's Fisher, SI's omega; empty if none)
    // and images, one 784-pixel column each (the replay memory, generated samples; empty if none).
    virtual std::vector<Mat> importance() const { return {}; }
    virtual Mat stored_images() const { return {}; }
    // Seconds the method spent at context boundaries (EWC: computing the Fisher), summed over the run.
    double boundary_seconds = 0;
};

using MethodFactory = std::unique_ptr<ContinualMethod> (*)(const ContinualSettings& settings);
// finetune, joint, ewc, online-ewc, si, replay (, generative-replay, hnet): name, help, factory.
const Table<MethodFactory>& method_table();

// Each method's factory, defined in its own file.
std::unique_ptr<ContinualMethod> make_joint(const ContinualSettings& settings);
std::unique_ptr<ContinualMethod> make_ewc(const ContinualSettings& settings);
std::unique_ptr<ContinualMethod> make_online_ewc(const ContinualSettings& settings);
std::unique_ptr<ContinualMethod> make_si(const ContinualSettings& settings);
std::unique_ptr<ContinualMethod> make_replay(const ContinualSettings& settings);
std::unique_ptr<ContinualMethod> make_generative_replay(const ContinualSettings& settings);
std::unique_ptr<ContinualMethod> make_hnet(const ContinualSettings& settings);

}  // namespace pl
