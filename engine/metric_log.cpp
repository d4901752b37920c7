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
    std::map<std::string, std::string> why;
    for (size_t c = 0; c < row.size(); ++c) {
        data_[c].push_back(row[c]);
        auto reason = next_why_.find(columns[c]);
        if (!std::isfinite(row[c]) && reason != next_why_.end() && !reason->second.empty())
            why[columns[c]] = reason->second;
    }
    why_.push_back(std::move(why));
    next_why_.clear();
}

void MetricLog::explain_next(const std::string& column, const std::string& reason) {
    next_why_[column] = reason;
}

void MetricLog::clear() {
    for (auto& column : data_) column.clear();
    why_.clear();
    next_why_.clear();
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

const std::map<std::string, std::string>& MetricLog::undefined(int row) const { return why_.at(size_t(row)); }

std::string MetricLog::last_reason(const std::string& col) const {
    for (auto row = why_.rbegin(); row != why_.rend(); ++row) {
        auto reason = row->find(col);
        if (reason != row->end()) return reason->second;
    }
    return "";
}

Json MetricLog::row_to_json(int row) const {
    Json out = Json::object();
    for (size_t c = 0; c < columns.size(); ++c) out[columns[c]] = json_number(data_[c].at(size_t(row)));
    if (!undefined(row).empty()) out["undefined"] = undefined(row);
    return out;
}

Json MetricLog::undefined_to_json() const {
    Json out = Json::object();
    for (size_t r = 0; r < why_.size(); ++r)
        for (const auto& [column, reason] : why_[r]) {
            if (!out.contains(column)) out[column] = Json::array();
            Json& reasons = out[column];
            while (reasons.size() < r) reasons.push_back(nullptr);
            reasons.push_back(reason);
        }
    for (auto& [column, reasons] : out.items())
        while (reasons.size() < why_.size()) reasons.push_back(nullptr);
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

bool measures_wall_clock(const std::string& column) { return column == "epoch_s" || column == "sim_speed"; }

}  // namespace pl
