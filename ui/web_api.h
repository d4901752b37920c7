// The C functions behind the page's JS API window.plasticity, declared by the list in ui/web_api_list.h
// (documented in docs/api.md). A returned string stays valid until the next call of any of them.
#pragma once

namespace pl::ui {
class App;
void attach_web_api(App* app);  // the one app these functions drive (set by ui/main.cpp)
}  // namespace pl::ui

extern "C" {
typedef const char* pl_text;     // UTF-8 text
typedef const char* pl_json;     // JSON text
typedef const char* pl_message;  // "" when all went well, else warnings and errors, one per line
typedef double pl_number;        // a JS number; each function states the values it takes

#define PL_API(js, c_name, returns, parameters, doc) returns c_name parameters;
#include "ui/web_api_list.h"
#undef PL_API
}
