// A table of metrics recorded during a run (one row per epoch, or per N batches), stored by column so plots
// can point at a column; a NaN/Inf value may carry its reason. Exports JSON (NaN/Inf -> null) or CSV.
#pragma once
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace pl {

class MetricLog {
public:
    MetricLog() = default;
    MetricLog(std::string name, std::vector<std::string> columns);
    void add(const std::vector<double>& row);  // one value per column, in column order
    // Why `column` of the next row added is not a number, e.g. "the BP update of layer 2 is zero" (kept only
    // if that value is NaN or infinite).
    void explain_next(const std::string& column, const std::string& reason);
    void clear();
    int rows() const { return data_.empty() ? 0 : int(data_[0].size()); }
    const std::vector<double>& column(const std::string& name) const;  // throws on an unknown name
    bool has(const std::string& name) const;
    double last(const std::string& name) const;                          // NaN when empty
    const std::map<std::string, std::string>& undefined(int row) const;  // column -> why it is not a number
    std::string last_reason(
        const std::string& name) const;  // the reason of its latest undefined value, or ""

    // Values at 9 significant digits, NaN/Inf as null (engine/json.h).
    // {"epoch":1,"train_loss":0.52,...[,"undefined":{column: reason}]}
    nlohmann::ordered_json row_to_json(int row) const;
    nlohmann::ordered_json undefined_to_json() const;  // {column: [reason or null per row]}, columns with one
    nlohmann::ordered_json to_json() const;            // {"epoch":[1,2],"train_loss":[...],...}
    std::string row_json(int row) const;               // row_to_json as text
    std::string json() const;                          // to_json as text
    std::string csv() const;                           // header line, then one line per row

    std::string name;
    std::vector<std::string> columns;

private:
    std::vector<std::vector<double>> data_;                // data_[column][row]
    std::vector<std::map<std::string, std::string>> why_;  // why_[row]: column -> reason
    std::map<std::string, std::string> next_why_;          // for the next row
};

// A column that measures the machine rather than the run ("epoch_s", "sim_speed"): left out of a run's digest
// and of comparisons between two runs of one seed.
bool measures_wall_clock(const std::string& column);

}  // namespace pl
