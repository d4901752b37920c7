#include "labs/lab.h"
#include <cmath>
#include <cstdio>
#include <limits>
#include "engine/fnv1a.h"
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

std::string Lab::metrics_digest() const {
    uint64_t hash = kFnv1aStart;
    for (const MetricLog* log : logs())
        for (const std::string& column : log->columns) {
            if (measures_wall_clock(column)) continue;
            for (double value : log->column(column)) {
                // one NaN for all: x86 and wasm give NaNs of different signs
                const double bits = std::isnan(value) ? std::numeric_limits<double>::quiet_NaN() : value;
                hash = fnv1a(&bits, sizeof bits, hash);
            }
        }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", (unsigned long long)hash);
    return text;
}

}  // namespace pl
