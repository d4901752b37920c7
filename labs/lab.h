// An experiment that the app, the CLI and the page's JS API all drive the same way: declared parameters,
// reset(), step() in small units (<~30 ms each), metric logs. Headless: never includes ImGui.
#pragma once
#include <string>
#include <utility>
#include <vector>
#include "engine/metric_log.h"
#include "engine/not_implemented.h"
#include "labs/params.h"
#include "labs/steppable.h"

namespace pl {

struct LabInfo {
    std::string id;       // URL/CLI name, e.g. "backprop"
    std::string title;    // "Backpropagation"
    std::string summary;  // one line for the lab browser
};

// What stopped a run early, with Lab::error saying how: the CLI exits 3, 4, 2 or 6 for them.
enum class Problem {
    Diverged,        // training blew up (the trainer's divergence rule)
    BadData,         // a data file is missing, unreadable or corrupt (DataError)
    BadSettings,     // the parameters cannot run together (e.g. Lab 4's train_size leaves no validation set)
    NotImplemented,  // a student's copy: an exercise the lab runs is still a stub (NotImplemented's notice)
};

class Lab : public Steppable {
public:
    explicit Lab(std::vector<ParamSpec> specs, std::vector<Preset> presets = {})
        : params(std::move(specs), std::move(presets)) {}
    virtual ~Lab() = default;

    virtual const LabInfo& info() const = 0;
    virtual void reset() = 0;  // rebuild everything from `params` (the seed included), clear the logs
    // step(), done(), progress() from Steppable: one small unit of work (a no-op once done() or after an
    // error), finished or stopped, 0..1 of the whole run.
    // The metrics of the final JSON line (default: the last row of logs()[0]).
    virtual std::vector<std::pair<std::string, double>> final_metrics() const;
    // The lab's own parts of the exported run, a JSON object's text (Lab 6: "acc_matrix"); "{}" for none.
    virtual std::string export_json() const { return "{}"; }
    // A simulation the app runs as soon as it is opened, reset or changed (the neurons lab), rather than
    // training that waits for Start.
    virtual bool live() const { return false; }

    long long samples_seen() const override { return samples_seen_; }  // since reset()
    virtual std::vector<const MetricLog*> logs() const = 0;  // logs()[0]: one row per epoch ("epoch" first)
    int epochs_logged() const { return logs()[0]->rows(); }
    int epochs_done()
        const;  // the "epoch" of logs()[0]'s last row (a lab may log every k-th epoch); 0 before
    std::string metrics_json() const;  // {"<log name>": {column: [values]}, ...}
    // FNV-1a of the bits of every logged value (the wall-clock columns left out), 16 hex digits: two runs
    // with equal digests logged the same numbers to the last bit, where the JSON shows 9 digits.
    std::string metrics_digest() const;

    Params params;
    std::string error;                    // set when the run stopped on a problem (e.g. a diverging loss)
    Problem problem = Problem::Diverged;  // what `error` is about (set with it by fail())

protected:
    void clear_error() { error.clear(), problem = Problem::Diverged; }  // at the start of reset()
    void fail(Problem what, const std::string& message) { error = message, problem = what; }

    long long samples_seen_ = 0;
};

// Runs `work` on `lab` (its reset() or steps); an exercise that is still a stub stops the lab with the
// exercise's notice as its error (Problem::NotImplemented) instead of throwing.
template <class Work>
void stop_on_stub(Lab& lab, Work&& work) {
    try {
        work();
    } catch (const NotImplemented& stub) {
        lab.error = stub.what();
        lab.problem = Problem::NotImplemented;
    }
}

}  // namespace pl
