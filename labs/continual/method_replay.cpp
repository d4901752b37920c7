// Lab 6's `replay`: a memory of replay_per_class digits per class of every finished context; each batch gets
// as many replayed digits, the loss mixed (1/t) L_current + (1 - 1/t) L_replayed (van de Ven's weighting). In
// the task scenario a replayed digit keeps its own context's head (its target unit says which).
#include "engine/replay_memory.h"
#include "labs/continual/continual_run.h"

namespace pl {

namespace {
class Replay : public ContinualMethod {
public:
    explicit Replay(int per_class) : per_class_(per_class) {}

    void transform_batch(ContinualRun& run, Mat& x, Mat& y) override {
        if (memory_.empty()) return;
        const int current = int(x.cols());
        Mat replayed_x, replayed_y;
        memory_.draw(current, run.replay_rng, replayed_x, replayed_y);
        x.conservativeResize(Eigen::NoChange, 2 * current);
        x.rightCols(current) = replayed_x;
        y.conservativeResize(Eigen::NoChange, 2 * current);
        y.rightCols(current) = replayed_y;
        run.batch_weights = replay_mixing_weights(current, current, run.context + 1);
    }

    bool end_context(ContinualRun& run) override {
        memory_.add(run.benchmark->contexts[size_t(run.context)].train, per_class_, run.layout().classes,
                    run.replay_rng);
        return true;
    }

    Mat stored_images() const override { return memory_.samples().x; }

private:
    int per_class_;
    ReplayMemory memory_;
};
}  // namespace

std::unique_ptr<ContinualMethod> make_replay(const ContinualSettings& s) {
    return std::make_unique<Replay>(s.replay_per_class);
}

}  // namespace pl
