#include "engine/metric_log.h"
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace pl {

std::string json_number(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n')
            out += "\\n";
        else if (static_cast<unsigned char>(c) >= 0x20)
            out += c;
    }
    return out + "\"";
}

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

std::string MetricLog::row_json(int row) const {
    std::string out = "{";
    for (size_t c = 0; c < columns.size(); ++c)
        out += (c ? ",\"" : "\"") + columns[c] + "\":" + json_number(data_[c].at(size_t(row)));
    return out + "}";
}

std::string MetricLog::json() const {
    std::string out = "{";
    for (size_t c = 0; c < columns.size(); ++c) {
        out += (c ? ",\"" : "\"") + columns[c] + "\":[";
        for (size_t r = 0; r < data_[c].size(); ++r) out += (r ? "," : "") + json_number(data_[c][r]);
        out += "]";
    }
    return out + "}";
}

std::string MetricLog::csv() const {
    std::string out;
    for (size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + columns[c];
    out += "\n";
    for (int r = 0; r < rows(); ++r) {
        for (size_t c = 0; c < columns.size(); ++c) {
            double v = data_[c][size_t(r)];
            out += (c ? "," : "") + (std::isfinite(v) ? json_number(v) : std::string("nan"));
        }
        out += "\n";
    }
    return out;
}

}  // namespace pl
