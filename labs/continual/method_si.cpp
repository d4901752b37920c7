// Lab 6's `si` (Zenke, Poole & Ganguli 2017): importance omega from each parameter's path integral, penalty
// c sum omega (theta - theta*)^2 anchored at the end of the last finished context.
#include "engine/synaptic_intelligence.h"
#include "labs/continual/continual_run.h"

namespace pl {

namespace {
class Si : public ContinualMethod {
public:
    explicit Si(double c) : c_(c) {}
    void begin_context(ContinualRun& run) override { si_.begin_context(run.params()); }
    // Records the batch's task gradient (the trainer's batch is one chunk), then adds the penalty's.
    double penalty(ContinualRun& run) override {
        si_.record_gradient(run.params());
        return si_.anchor.theta.empty() ? 0 : quadratic_penalty(run.params(), si_.anchor, 2 * c_);
    }
    void after_update(ContinualRun& run) override { si_.after_update(run.params()); }
    bool end_context(ContinualRun& run) override { return si_.end_context(run.params()), true; }
    std::vector<Mat> importance() const override { return si_.anchor.importance; }

private:
    double c_;
    SynapticIntelligence si_;
};
}  // namespace

std::unique_ptr<ContinualMethod> make_si(const ContinualSettings& s) { return std::make_unique<Si>(s.si_c); }

}  // namespace pl
