// A table of metrics recorded during a run (one row per epoch, or per N batches), stored by column
// so plots can point at a column. Exports one row or the whole table as JSON (NaN/Inf -> null) or CSV.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace pl {

class MetricLog {
public:
    MetricLog() = default;
    MetricLog(std::string name, std::vector<std::string> columns);
    void add(const std::vector<double>& row);  // one value per column, in column order
    void clear();
    int rows() const { return data_.empty() ? 0 : int(data_[0].size()); }
    const std::vector<double>& column(const std::string& name) const;  // throws on an unknown name
    bool has(const std::string& name) const;
    double last(const std::string& name) const;  // NaN when empty

    // Values at 9 significant digits, NaN/Inf as null (engine/json.h).
    nlohmann::ordered_json row_to_json(int row) const;  // {"epoch":1,"train_loss":0.52,...}
    nlohmann::ordered_json to_json() const;             // {"epoch":[1,2],"train_loss":[...],...}
    std::string row_json(int row) const;                // row_to_json as text
    std::string json() const;                           // to_json as text
    std::string csv() const;                            // header line, then one line per row

    std::string name;
    std::vector<std::string> columns;

private:
    std::vector<std::vector<double>> data_;  // data_[column][row]
};

}  // namespace pl
