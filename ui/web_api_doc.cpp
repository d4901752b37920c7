#include "ui/web_api_doc.h"
#include <sstream>
#include "engine/json.h"

namespace pl::ui {

namespace {

struct ApiFunction {
    const char* js;
    const char* c;
    const char* returns;     // "pl_json", "void", ...
    const char* parameters;  // "(pl_text key, pl_text value)"
    const char* doc;
};

const ApiFunction functions[] = {
#define PL_API(js, c_name, returns, parameters, doc) {#js, #c_name, #returns, #parameters, doc},
#include "ui/web_api_list.h"
#undef PL_API
};

std::string type_name(const std::string& c_type) {  // "pl_text" -> "text", "void" -> "void"
    return c_type.rfind("pl_", 0) == 0 ? c_type.substr(3) : c_type;
}

// "(pl_text key, pl_int n)" -> [{"name":"key","type":"text"},{"name":"n","type":"int"}]
Json parameters_json(const std::string& parameters) {
    Json out = Json::array();
    std::stringstream in(parameters.substr(1, parameters.size() - 2));
    std::string type, name;
    while (in >> type >> name) {
        if (name.back() == ',') name.pop_back();
        out.push_back({{"name", name}, {"type", type_name(type)}});
    }
    return out;
}

Json list_json() {
    Json out = Json::array();
    for (const ApiFunction& f : functions) {
        Json entry = {{"js", f.js}, {"c", f.c}, {"returns", type_name(f.returns)}};
        entry["params"] = parameters_json(f.parameters);
        entry["doc"] = f.doc;
        out.push_back(entry);
    }
    return out;
}

}  // namespace

std::string web_api_json() { return dump(list_json()); }

std::string web_api_markdown() {
    std::string out =
        "# The page's JS API\n\n"
        "<!-- Generated from ui/web_api_list.h by `plasticity-api-doc docs/api.md` (build/native/ui/); a "
        "ctest "
        "checks it. -->\n\n"
        "`window.plasticity` (web/api.js) has one method per line below, each calling the exported C "
        "function "
        "beside it (ui/web_api.cpp). Call them after `await plasticity.ready`. Arguments are converted to "
        "the "
        "parameter types (`text`: a string; `number`: a JS number as it is, any other value becomes NaN, "
        "which "
        "the function refuses). Replies: `json` is parsed; `message` is \"\" when all went well, else "
        "warnings "
        "and errors, one per line, also shown with `console.warn`; `text` is returned as it is. A C++ "
        "exception in a call is thrown as a JS `Error` (a `RangeError` for a value out of range) with its "
        "message; out of memory reads `out of memory: ...`.\n\n"
        "Conveniences of the JS side: `step()` steps once; `state()` returns the whole shareable link, not "
        "just the hash; `exportRun()` exports json; `compare(key, values)` also takes an array of values; "
        "`loaded()` returns a Promise that resolves once every data set the open lab needs is loaded "
        "(web/files.js fetches one when a lab first needs it; `ready` waits for those of the first lab), or "
        "rejects with the reason one could not be.\n\n"
        "| JS method | C function | returns | what it does |\n"
        "|---|---|---|---|\n";
    for (const Json& f : list_json()) {
        std::string js_params, c_params;
        for (const Json& p : f["params"]) {
            js_params += (js_params.empty() ? "" : ", ") + p["name"].get<std::string>();
            c_params += (c_params.empty() ? "" : ", ") + p["type"].get<std::string>() + " " +
                        p["name"].get<std::string>();
        }
        out += "| `" + f["js"].get<std::string>() + "(" + js_params + ")` | `" + f["c"].get<std::string>() +
               "(" + c_params + ")` | " + f["returns"].get<std::string>() + " | " +
               f["doc"].get<std::string>() + " |\n";
    }
    return out;
}

}  // namespace pl::ui
