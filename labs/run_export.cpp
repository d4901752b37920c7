#include "labs/run_export.h"
#include <cmath>

namespace pl {

std::string why_undefined(const Lab& lab, const std::string& name) {
    const MetricLog& epochs = *lab.logs()[0];
    if (epochs.rows() == 0)
        return lab.error.empty() ? "no epoch has finished yet"
                                 : "the run stopped before its first epoch ended";
    return epochs.has(name) ? epochs.last_reason(name) : "";
}

Json final_json(const Lab& lab, double samples_per_s) {
    Json out = {{"final", true}, {"lab", lab.info().id}};
    Json undefined = Json::object();
    for (const auto& [name, value] : lab.final_metrics()) {
        out[name] = json_number(value);
        const std::string why = std::isfinite(value) ? "" : why_undefined(lab, name);
        if (!why.empty()) undefined[name] = why;
    }
    out["samples_per_s"] = json_number(samples_per_s);
    if (!std::isfinite(samples_per_s)) undefined["samples_per_s"] = "no training time was measured";
    if (!undefined.empty()) out["undefined"] = undefined;
    if (!lab.error.empty()) out["error"] = lab.error;
    return out;
}

Json run_json(const Lab& lab, double samples_per_s) {
    Json out = Json::object();
    out["lab"] = lab.info().id;
    out["params"] = Json::parse(lab.params.json());
    out["metrics"] = Json::parse(lab.metrics_json());
    out["metrics_digest"] = lab.metrics_digest();
    Json undefined = Json::object();  // {log: {column: [reason or null per row]}}
    for (const MetricLog* log : lab.logs())
        if (!log->undefined_to_json().empty()) undefined[log->name] = log->undefined_to_json();
    if (!undefined.empty()) out["undefined"] = undefined;
    out.update(Json::parse(lab.export_json()));  // the lab's own keys
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
