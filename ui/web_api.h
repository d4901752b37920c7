// The C functions behind the page's JS API window.plasticity (web/api.js wraps them).
// Strings in and out are UTF-8; returned pointers stay valid until the next call of the same function.
#pragma once

namespace pl::ui {
class App;
void attach_web_api(App* app);  // the one app these functions drive (set by ui/main.cpp)
}  // namespace pl::ui

extern "C" {
const char* pl_labs();                                   // catalog JSON: [{id,title,summary,ready,params}]
const char* pl_open(const char* id);                     // "" or an error message
const char* pl_set(const char* key, const char* value);  // "" or a warning/error message (clamping...)
const char* pl_get(const char* key);                     // the value as text ("" for an unknown key)
const char* pl_step(int n);                              // runs n lab steps now; returns pl_status()
void pl_run();                                           // start the time-sliced run (as the Start button)
void pl_pause();
const char* pl_metrics();  // {"epochs":{col:[...]},"batches":{...}}
const char* pl_state();    // "lab=backprop&lr=0.001&..." (the URL hash)
const char*
pl_status();  // {"lab","running","done","progress","epochs","samples_per_s","eta_s","longest_step_ms","error","buttons"}
const char* pl_apply_hash(const char* hash);  // "lab=..&k=v"; returns the messages, one per line
const char* pl_compare(const char* key, const char* values);  // "bp,fa,dfa": one run per value; "" or error
const char* pl_comparison();  // {"lab","vary","runs":[{<key>:value,"params","metrics","final"}...]} or "null"
const char* pl_export(const char* kind);  // "json" or "csv": starts a download; returns its text
}
