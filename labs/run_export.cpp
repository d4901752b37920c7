#include "labs/run_export.h"

namespace pl {

Json final_json(const Lab& lab, double samples_per_s) {
    Json out = {{"final", true}, {"lab", lab.info().id}};
    for (const auto& [name, value] : lab.final_metrics()) out[name] = json_number(value);
    out["samples_per_s"] = json_number(samples_per_s);
    if (!lab.error.empty()) out["error"] = lab.error;
    return out;
}

Json run_json(const Lab& lab, double samples_per_s) {
    Json out = Json::object();
    out["lab"] = lab.info().id;
    out["params"] = Json::parse(lab.params.json());
    out["metrics"] = Json::parse(lab.metrics_json());
    out["final"] = final_json(lab, samples_per_s);
    return out;
}

std::string run_csv(const Lab& lab) {
    std::string out = "# lab=" + lab.info().id + "\n";
    for (const ParamSpec& s : lab.params.specs()) out += "# " + s.name + "=" + lab.params.text(s.name) + "\n";
    for (const MetricLog* log : lab.logs()) out += "# " + log->name + "\n" + log->csv();
    return out;
}

}  // namespace pl
