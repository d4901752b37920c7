#include "ui/web_api.h"
#include <emscripten.h>
#include <string>
#include "engine/json.h"
#include "labs/catalog.h"
#include "ui/app.h"
#include "ui/export.h"
#include "ui/web_api_doc.h"

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

// One definition per line of ui/web_api_list.h (the declarations in web_api.h come from it).
extern "C" {

EMSCRIPTEN_KEEPALIVE pl_json pl_api() { return answer(pl::ui::web_api_json()); }

EMSCRIPTEN_KEEPALIVE pl_json pl_labs() { return answer(pl::catalog_json()); }

EMSCRIPTEN_KEEPALIVE pl_message pl_open(pl_text id) { return answer(app->open(id)); }

EMSCRIPTEN_KEEPALIVE pl_message pl_set(pl_text key, pl_text value) { return answer(app->set(key, value)); }

EMSCRIPTEN_KEEPALIVE pl_text pl_get(pl_text key) {
    if (!app->lab || !app->lab->params.find(key)) return answer("");
    return answer(app->lab->params.text(key));
}

EMSCRIPTEN_KEEPALIVE pl_json pl_status() { return answer(app->status_json()); }

EMSCRIPTEN_KEEPALIVE pl_json pl_step(pl_int n) {
    if (app->lab) app->runner.step_n(n);
    return pl_status();
}

EMSCRIPTEN_KEEPALIVE void pl_run() { app->start(); }

EMSCRIPTEN_KEEPALIVE void pl_pause() { app->pause(); }

EMSCRIPTEN_KEEPALIVE pl_json pl_metrics() { return answer(app->lab ? app->lab->metrics_json() : "{}"); }

EMSCRIPTEN_KEEPALIVE pl_text pl_state() { return answer(app->state()); }

EMSCRIPTEN_KEEPALIVE pl_message pl_apply_hash(pl_text hash) { return answer(app->apply_state(hash)); }

EMSCRIPTEN_KEEPALIVE pl_text pl_export(pl_text kind) {
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

EMSCRIPTEN_KEEPALIVE pl_message pl_compare(pl_text key, pl_text values) {
    return answer(app->compare(key, values));
}

EMSCRIPTEN_KEEPALIVE pl_json pl_comparison() {
    if (!app->comparison.active()) return answer("null");
    return answer(pl::dump(app->comparison.json(app->runner.samples_per_s())));
}

}  // extern "C"
