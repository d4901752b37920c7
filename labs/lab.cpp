#include "labs/lab.h"
#include "engine/json.h"

namespace pl {

std::vector<std::pair<std::string, double>> Lab::final_metrics() const {
    std::vector<std::pair<std::string, double>> out;
    const MetricLog& epochs = *logs()[0];
    for (const std::string& c : epochs.columns) out.push_back({c, epochs.last(c)});
    return out;
}

int Lab::epochs_done() const {
    const MetricLog& epochs = *logs()[0];
    return epochs.rows() == 0 ? 0 : int(epochs.last("epoch"));
}

std::string Lab::metrics_json() const {
    Json out = Json::object();
    for (const MetricLog* log : logs()) out[log->name] = log->to_json();
    return dump(out);
}

}  // namespace pl
