#include "ui/web_api.h"
#include <emscripten.h>
#include <string>
#include "labs/catalog.h"
#include "ui/app.h"
#include "ui/export.h"

namespace pl::ui {
namespace {
App* app = nullptr;
std::string reply;  // the string a pl_* function returned last

const char* answer(const std::string& text) {
    reply = text;
    return reply.c_str();
}
}  // namespace

void attach_web_api(App* a) { app = a; }

}  // namespace pl::ui

using pl::ui::answer;
using pl::ui::app;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* pl_labs() { return answer(pl::catalog_json()); }

EMSCRIPTEN_KEEPALIVE const char* pl_open(const char* id) { return answer(app->open(id)); }

EMSCRIPTEN_KEEPALIVE const char* pl_set(const char* key, const char* value) {
    return answer(app->set(key, value));
}

EMSCRIPTEN_KEEPALIVE const char* pl_get(const char* key) {
    if (!app->lab || !app->lab->params.find(key)) return answer("");
    return answer(app->lab->params.text(key));
}

EMSCRIPTEN_KEEPALIVE const char* pl_status() { return answer(app->status_json()); }

EMSCRIPTEN_KEEPALIVE const char* pl_step(int n) {
    if (app->lab) app->runner.step_n(n);
    return pl_status();
}

EMSCRIPTEN_KEEPALIVE void pl_run() { app->start(); }

EMSCRIPTEN_KEEPALIVE void pl_pause() { app->pause(); }

EMSCRIPTEN_KEEPALIVE const char* pl_metrics() { return answer(app->lab ? app->lab->metrics_json() : "{}"); }

EMSCRIPTEN_KEEPALIVE const char* pl_state() { return answer(app->state()); }

EMSCRIPTEN_KEEPALIVE const char* pl_apply_hash(const char* hash) { return answer(app->apply_state(hash)); }

EMSCRIPTEN_KEEPALIVE const char* pl_compare(const char* key, const char* values) {
    return answer(app->compare(key, values));
}

EMSCRIPTEN_KEEPALIVE const char* pl_comparison() {
    return answer(app->comparison.active() ? app->comparison.json(app->runner.samples_per_s()) : "null");
}

EMSCRIPTEN_KEEPALIVE const char* pl_export(const char* kind) {
    if (!app->lab) return answer("");
    const std::string name = app->lab->info().id + (app->comparison.active() ? "-comparison" : "-run");
    if (std::string(kind) == "csv") {
        std::string csv = app->export_csv();
        pl::ui::ExportStatus() = pl::ui::SaveTextFile(name + ".csv", csv, "text/csv");
        return answer(csv);
    }
    std::string json = app->export_json();
    pl::ui::ExportStatus() = pl::ui::SaveTextFile(name + ".json", json, "application/json");
    return answer(json);
}

}  // extern "C"
