#include "engine/metric_log.h"
#include <cmath>
#include <limits>
#include <stdexcept>
#include "engine/json.h"

namespace pl {

MetricLog::MetricLog(std::string name, std::vector<std::string> columns)
    : name(std::move(name)), columns(std::move(columns)), data_(this->columns.size()) {}

void MetricLog::add(const std::vector<double>& row) {
    if (row.size() != columns.size()) throw std::logic_error("MetricLog " + name + ": row has wrong width");
    for (size_t c = 0; c < row.size(); ++c) data_[c].push_back(row[c]);
}

void MetricLog::clear() {
    for (auto& column : data_) column.clear();
}

bool MetricLog::has(const std::string& col) const {
    for (const std::string& c : columns)
        if (c == col) return true;
    return false;
}

const std::vector<double>& MetricLog::column(const std::string& col) const {
    for (size_t c = 0; c < columns.size(); ++c)
        if (columns[c] == col) return data_[c];
    throw std::invalid_argument("MetricLog " + name + " has no column '" + col + "'");
}

double MetricLog::last(const std::string& col) const {
    const std::vector<double>& values = column(col);
    return values.empty() ? std::numeric_limits<double>::quiet_NaN() : values.back();
}

Json MetricLog::row_to_json(int row) const {
    Json out = Json::object();
    for (size_t c = 0; c < columns.size(); ++c) out[columns[c]] = json_number(data_[c].at(size_t(row)));
    return out;
}

Json MetricLog::to_json() const {
    Json out = Json::object();
    for (size_t c = 0; c < columns.size(); ++c) {
        Json& values = out[columns[c]] = Json::array();
        for (double v : data_[c]) values.push_back(json_number(v));
    }
    return out;
}

std::string MetricLog::row_json(int row) const { return dump(row_to_json(row)); }

std::string MetricLog::json() const { return dump(to_json()); }

std::string MetricLog::csv() const {
    std::string out;
    for (size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + columns[c];
    out += "\n";
    for (int r = 0; r < rows(); ++r) {
        for (size_t c = 0; c < columns.size(); ++c) {
            double v = data_[c][size_t(r)];
            out += (c ? "," : "") + (std::isfinite(v) ? dump(json_number(v)) : std::string("nan"));
        }
        out += "\n";
    }
    return out;
}

}  // namespace pl
