// A short run of every ready lab in the catalog (a lab added later is covered the day it lands): open, step,
// export, reset, step again, every choice and switch for a few steps, a comparison. Its point is the asan
// stage.
#include <catch2/catch.hpp>
#include "labs/catalog.h"
#include "labs/comparison.h"
#include "labs/run_export.h"

using namespace pl;

namespace {
const int kSteps = 20;        // steps of the default run: a few hundred ms natively, seconds under ASan
const int kVariantSteps = 3;  // steps of each choice or switch

void step_at_most(Steppable& work, int steps) {
    for (int i = 0; i < steps && !work.done(); ++i) work.step();
}

// The exports every front end offers: run JSON (CLI --out, page) and CSV (app, page).
void check_exports(const Lab& lab) {
    const Json run = run_json(lab, 0);
    CHECK(run["lab"] == lab.info().id);
    CHECK(run["params"].size() == lab.params.specs().size());
    CHECK(run_csv(lab).rfind("# lab=" + lab.info().id + "\n", 0) == 0);
}

// The ids of the catalog's ready labs (those with a factory).
std::vector<std::string> ready_labs() {
    std::vector<std::string> out;
    for (const CatalogEntry& entry : lab_catalog())
        if (entry.make) out.push_back(entry.info.id);
    return out;
}

std::unique_ptr<Lab> open_lab(const std::string& id) {
    std::string message;
    std::unique_ptr<Lab> lab = make_lab(id, message);
    REQUIRE(lab);
    return lab;
}

// The values a choice or bool parameter offers other than its default, as text.
std::vector<std::string> other_values(const ParamSpec& spec) {
    std::vector<std::string> out;
    if (spec.kind == ParamKind::Bool) out.push_back(spec.def != 0 ? "false" : "true");
    if (spec.kind == ParamKind::Choice)
        for (size_t i = 0; i < spec.choices.size(); ++i)
            if (double(i) != spec.def) out.push_back(spec.choices[i]);
    return out;
}
}  // namespace

TEST_CASE("every ready lab opens, steps, exports, resets and steps again", "[smoke]") {
    for (const std::string& id : ready_labs()) {
        DYNAMIC_SECTION(id) {
            std::unique_ptr<Lab> lab = open_lab(id);
            step_at_most(*lab, kSteps);
            CHECK(lab->error == "");
            CHECK(lab->samples_seen() > 0);
            CHECK(lab->progress() > 0);
            check_exports(*lab);

            lab->reset();
            CHECK(lab->samples_seen() == 0);
            step_at_most(*lab, kVariantSteps);
            CHECK(lab->samples_seen() > 0);
            check_exports(*lab);
        }
    }
}

TEST_CASE("every choice and switch of every ready lab runs a few steps", "[smoke]") {
    for (const std::string& id : ready_labs()) {
        std::unique_ptr<Lab> lab = open_lab(id);
        for (const ParamSpec& spec : lab->params.specs())
            for (const std::string& value : other_values(spec)) {
                INFO(id << " " << spec.name << "=" << value);
                lab->params.reset_to_defaults();
                REQUIRE_FALSE(lab->params.is_error(lab->params.set(spec.name, value)));
                lab->reset();
                step_at_most(*lab, kVariantSteps);
                for (int i = 0; i < 100 && lab->samples_seen() == 0 && !lab->done(); ++i)
                    lab->step();  // a sliced batch (predictive coding's inference) may span more steps
                CHECK((lab->samples_seen() > 0 || lab->error != ""));  // trained, or stopped with a reason
                check_exports(*lab);
            }
    }
}

TEST_CASE("a comparison of two seeds of every ready lab steps and exports", "[smoke]") {
    for (const std::string& id : ready_labs()) {
        DYNAMIC_SECTION(id) {
            std::unique_ptr<Lab> base = open_lab(id);
            Comparison comparison;
            REQUIRE(comparison.start(*base, "seed", {"1", "2"}) == "");
            step_at_most(comparison, 2 * kVariantSteps);
            INFO(
                "the first run's error: " << comparison.runs[0]->error);  // a student's copy: a stub's notice
            CHECK(comparison.samples_seen() > 0);
            CHECK(comparison.json(0)["runs"].size() == 2);
            CHECK(comparison.csv() != "");
        }
    }
}
