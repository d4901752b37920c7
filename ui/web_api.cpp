#include "ui/web_api.h"
#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>
#include "engine/json.h"
#include "labs/catalog.h"
#include "labs/task_data.h"
#include "ui/app.h"
#include "ui/exception_text.h"
#include "ui/web_api_doc.h"

namespace pl::ui {
namespace {
App* app = nullptr;
std::string reply;                // the string a pl_* function returned last
Json failure = nullptr;           // the exception the last call ended with, {name, message}, or null
const double kStepSliceMs = 250;  // pl_step returns after about this long (plus at most one step)

const char* answer(const std::string& text) {
    reply = text;
    return reply.c_str();
}

// One call's work: an exception ends the call with an empty reply and sets `failure` (std::out_of_range
// as a RangeError), which api.js throws as that JS error.
template <class Work>
auto guarded(Work work) -> decltype(work()) {
    failure = nullptr;
    try {
        return work();
    } catch (const std::out_of_range& e) {
        failure = {{"name", "RangeError"}, {"message", e.what()}};
    } catch (...) {
        failure = {{"name", "Error"}, {"message", current_exception_text()}};
    }
    if constexpr (!std::is_void_v<decltype(work())>) return answer("");
}

// step(n)'s n: a whole number >= 0, or Infinity for "to the end"; anything else is refused with the rule.
long long step_count(double n) {
    if (n == std::numeric_limits<double>::infinity()) return std::numeric_limits<long long>::max();
    if (n >= 0 && n == std::floor(n) && n <= 9007199254740991.0) return static_cast<long long>(n);
    char shown[32];
    std::snprintf(shown, sizeof shown, "%.17g", n);
    throw std::out_of_range("step(n): n must be a whole number >= 0, or Infinity to run to the end; got " +
                            (std::isnan(n) ? std::string("NaN (not a number)") : std::string(shown)));
}
// The data sets the page fetches when a lab first needs them (web/files.js), by task_data name, and the file
// the engine reads each from (/data/..., the page writes it there).
struct FetchedDataSet {
    const char* name;
    std::string (*path)();
};
const FetchedDataSet kFetchedDataSets[] = {{"mnist", default_mnist_path}, {"fashion", default_fashion_path}};

// The labs the run controls drive: every run of the comparison, or the open lab.
std::vector<Lab*> work_labs() {
    std::vector<Lab*> labs;
    for (const std::unique_ptr<Lab>& run : app->comparison.runs) labs.push_back(run.get());
    if (labs.empty() && app->lab) labs.push_back(app->lab.get());
    return labs;
}

// The labs among them that stopped on a problem with the data file `path` (its name is in their error).
std::vector<Lab*> stopped_on(const std::string& path) {
    std::vector<Lab*> labs;
    for (Lab* lab : work_labs())
        if (lab->problem == Problem::BadData && lab->error.find(path) != std::string::npos)
            labs.push_back(lab);
    return labs;
}
}  // namespace

void attach_web_api(App* a) { app = a; }

}  // namespace pl::ui

using pl::ui::answer;
using pl::ui::app;
using pl::ui::guarded;

// One definition per line of ui/web_api_list.h (the declarations in web_api.h come from it).
extern "C" {

EMSCRIPTEN_KEEPALIVE pl_json pl_api() {
    return guarded([] { return answer(pl::ui::web_api_json()); });
}

EMSCRIPTEN_KEEPALIVE pl_json pl_labs() {
    return guarded([] { return answer(pl::catalog_json()); });
}

EMSCRIPTEN_KEEPALIVE pl_message pl_open(pl_text id) {
    return guarded([&] { return answer(app->open(id)); });
}

EMSCRIPTEN_KEEPALIVE pl_message pl_set(pl_text key, pl_text value) {
    return guarded([&] { return answer(app->set(key, value)); });
}

EMSCRIPTEN_KEEPALIVE pl_text pl_get(pl_text key) {
    return guarded([&] {
        if (!app->lab || !app->lab->params.find(key)) return answer("");
        return answer(app->lab->params.text(key));
    });
}

EMSCRIPTEN_KEEPALIVE pl_json pl_status() {
    return guarded([] { return answer(pl::dump(app->status())); });
}

EMSCRIPTEN_KEEPALIVE pl_json pl_step(pl_number n) {
    return guarded([&] {
        long long requested = pl::ui::step_count(n);
        long long done = app->lab ? app->step(requested, pl::ui::kStepSliceMs) : 0;
        pl::Json status = app->status();
        status["steps_done"] = done;
        status["steps_requested"] = pl::json_number(n, 17);
        return answer(pl::dump(status));
    });
}

EMSCRIPTEN_KEEPALIVE void pl_run() {
    guarded([] { app->start(); });
}

EMSCRIPTEN_KEEPALIVE void pl_pause() {
    guarded([] { app->pause(); });
}

EMSCRIPTEN_KEEPALIVE pl_json pl_metrics() {
    return guarded([] { return answer(app->lab ? app->lab->metrics_json() : "{}"); });
}

EMSCRIPTEN_KEEPALIVE pl_text pl_state() {
    return guarded([] { return answer(app->state()); });
}

EMSCRIPTEN_KEEPALIVE pl_message pl_apply_hash(pl_text hash) {
    return guarded([&] { return answer(app->apply_state(hash)); });
}

EMSCRIPTEN_KEEPALIVE pl_text pl_export(pl_text kind) {
    return guarded([&] { return answer(app->export_run(kind)); });
}

EMSCRIPTEN_KEEPALIVE pl_message pl_compare(pl_text key, pl_text values) {
    return guarded([&] { return answer(app->compare(key, values)); });
}

EMSCRIPTEN_KEEPALIVE pl_json pl_comparison() {
    return guarded([] {
        if (!app->comparison.active()) return answer("null");
        return answer(pl::dump(app->comparison.json(app->runner.samples_per_s())));
    });
}

EMSCRIPTEN_KEEPALIVE pl_json pl_memory() {
    return guarded([] {
        const struct mallinfo info = mallinfo();
        pl::Json memory = {{"heap_bytes", emscripten_get_heap_size()}, {"in_use_bytes", info.uordblks}};
        return answer(pl::dump(memory));
    });
}

EMSCRIPTEN_KEEPALIVE pl_json pl_data_needed() {
    return guarded([] {
        pl::Json needed = pl::Json::array();
        for (const pl::ui::FetchedDataSet& set : pl::ui::kFetchedDataSets) {
            const std::string path = set.path();
            if (pl::ui::stopped_on(path).empty() || std::ifstream(path).good()) continue;
            needed.push_back(
                {{"name", set.name}, {"help", pl::task_data_table().find(set.name).help}, {"path", path}});
        }
        return answer(pl::dump(needed));
    });
}

EMSCRIPTEN_KEEPALIVE pl_message pl_data_loaded(pl_text path, pl_text problem) {
    return guarded([&] {
        const std::vector<pl::Lab*> waiting = pl::ui::stopped_on(path);
        if (waiting.empty()) return answer("");
        if (*problem) {
            for (pl::Lab* lab : waiting) lab->error = problem;
            return answer("");
        }
        if (app->comparison.active()) {
            app->reset();
            return answer("");
        }
        // As if opened now that its data are here (a lab that runs when opened runs), with its parameters as
        // they are: set again one by one, a preset from the URL would become "custom"
        const pl::Params kept = app->lab->params;
        app->open(app->lab->info().id);
        app->lab->params = kept;
        app->after_params_changed();
        return answer("");
    });
}

EMSCRIPTEN_KEEPALIVE pl_json pl_failure() {
    std::string text = pl::dump(pl::ui::failure);
    pl::ui::failure = nullptr;
    return answer(text);
}

}  // extern "C"
