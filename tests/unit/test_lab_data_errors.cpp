// Every ready lab (a lab added later is covered the day it lands) with its data files missing: every mode
// that loads data stops with Problem::BadData and an error naming the file, its logs empty, its exports
// working.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>
#include "engine/dataset.h"
#include "labs/catalog.h"
#include "labs/run_export.h"

using namespace pl;

namespace {

// Sets an environment variable for the scope, restoring what was there before.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        const char* old = std::getenv(name);
        had_ = old != nullptr;
        if (had_) old_ = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() { had_ ? setenv(name_, old_.c_str(), 1) : unsetenv(name_); }

private:
    const char* name_;
    bool had_ = false;
    std::string old_;
};

// Each choice of each choice parameter, set on the defaults: the lab's modes (e.g. dataset=fashion).
std::vector<std::pair<std::string, std::string>> modes(const Lab& lab) {
    std::vector<std::pair<std::string, std::string>> out = {{"", ""}};  // the defaults
    for (const ParamSpec& spec : lab.params.specs())
        if (spec.kind == ParamKind::Choice)
            for (const std::string& choice : spec.choices) out.push_back({spec.name, choice});
    return out;
}

// The labs with a mode whose reset() fails; every failure must be bad data naming `path`.
std::set<std::string> labs_failing_on(const std::string& path) {
    std::set<std::string> failing;
    for (const CatalogEntry& entry : lab_catalog()) {
        if (!entry.make) continue;
        std::unique_ptr<Lab> lab = entry.make();
        for (const auto& [key, value] : modes(*lab)) {
            lab->params.reset_to_defaults();
            if (!key.empty()) REQUIRE_FALSE(lab->params.is_error(lab->params.set(key, value)));
            lab->reset();
            if (lab->error.empty()) continue;
            INFO(entry.info.id << " " << key << "=" << value << ": " << lab->error);
            failing.insert(entry.info.id);
            CHECK(lab->problem == Problem::BadData);
            CHECK(lab->error.find("data file " + path + ": not found") == 0);
            CHECK(lab->done());
            CHECK(lab->epochs_logged() == 0);
            lab->step();  // a no-op
            CHECK(lab->samples_seen() == 0);
            CHECK(run_json(*lab, 0)["final"]["error"] == lab->error);  // was: SIGABRT in Lab 5
            CHECK(run_csv(*lab).rfind("# lab=" + entry.info.id, 0) == 0);
        }
    }
    return failing;
}

}  // namespace

TEST_CASE("a missing MNIST file is bad data, named, in every lab and mode that loads it", "[data]") {
    const ScopedEnv digits("PLASTICITY_DATA", "/nonexistent/mnist-subset.bin");
    const std::set<std::string> failing = labs_failing_on("/nonexistent/mnist-subset.bin");
    // Labs 1, 2, 3 (task=mnist), 4, 5, 6, 7 and 9 (rule=sanger, rule=diehl-cook, input=digits) load the
    // digits
    CHECK(failing == std::set<std::string>{"backprop", "bayes-by-backprop", "continual", "feedback-alignment",
                                           "plasticity", "regularization", "surrogate-spikes",
                                           "target-prop"});
}

TEST_CASE("a missing Fashion-MNIST file is bad data, named, where Fashion is loaded", "[data]") {
    const ScopedEnv fashion("PLASTICITY_FASHION", "/nonexistent/fashion-subset.bin");
    const std::set<std::string> failing = labs_failing_on("/nonexistent/fashion-subset.bin");
    // Lab 3's classifier tests on Fashion images; Lab 5 trains on them with dataset=fashion
    CHECK(failing == std::set<std::string>{"bayes-by-backprop", "surrogate-spikes"});
}

TEST_CASE("a run that had started and then finds no data keeps no stale rows", "[data]") {
    std::string message;
    std::unique_ptr<Lab> lab = make_lab("surrogate-spikes", message);
    REQUIRE(lab);
    REQUIRE(lab->params.set_all("hidden=10&steps=10&log_every=1").empty());
    lab->reset();
    for (int i = 0; i < 3; ++i) lab->step();
    REQUIRE(lab->logs()[1]->rows() > 0);  // batches rows of the running run
    const ScopedEnv fashion("PLASTICITY_FASHION", "/nonexistent/fashion-subset.bin");
    REQUIRE(lab->params.set("dataset", "fashion").empty());
    lab->reset();
    CHECK(lab->problem == Problem::BadData);
    for (const MetricLog* log : lab->logs()) CHECK(log->rows() == 0);
    CHECK(final_json(*lab, 0)["error"] == lab->error);
}
