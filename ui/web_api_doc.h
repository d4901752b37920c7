// The page's API list (ui/web_api_list.h) as data: JSON for web/api.js (pl_api) and Markdown for docs/api.md.
// No emscripten or app code, so the native build can write and check docs/api.md (plasticity-api-doc).
#pragma once
#include <string>

namespace pl::ui {

std::string web_api_json();      // [{"js","c","returns","params":[{"name","type"}],"doc"}, ...]
std::string web_api_markdown();  // the text of docs/api.md

}  // namespace pl::ui
