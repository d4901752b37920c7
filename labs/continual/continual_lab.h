// Lab 6 "Continual learning": an MLP trained on one context after another (split or permuted MNIST) in the
// task, domain or class scenario, with a method against forgetting; logs every context's test accuracy.
#pragma once
#include "labs/continual/continual_run.h"
#include "labs/lab.h"

namespace pl {

// hidden, ewc_lambda and si_c default per benchmark (hidden also for the hnet method): see per_mode().
const Fields<ContinualSettings>& continual_fields();
const std::vector<Preset>& continual_presets();  // what to try, e.g. the tuned lambda and c

class ContinualLab : public Lab {
public:
    static const LabInfo kInfo;
    ContinualLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    void step() override;
    bool done() const override { return !run.benchmark || run.trainer.done() || !error.empty(); }
    double progress() const override { return run.benchmark ? run.trainer.progress() : 1; }
    std::vector<const MetricLog*> logs() const override {
        return {&run.trainer.epochs, &run.trainer.batches};
    }
    // The last epoch's row (acc_c1..acc_cT, acc_avg, ...), then bwt and forgetting over the contexts done.
    std::vector<std::pair<std::string, double>> final_metrics() const override;
    std::string export_json() const override;  // {"acc_matrix": the rows of R filled so far}
    const ContinualSettings& settings() const { return settings_; }  // of the last reset()

    ContinualRun run;

private:
    ContinualSettings settings_;
};

}  // namespace pl
