// A comparison: the current lab run once per value of one parameter, all else equal (same seed, hence the
// same initial weights and data order). The runs are stepped round-robin so their curves grow together.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "engine/json.h"
#include "labs/lab.h"

namespace pl {

// The most memory a comparison may hold (its runs together): above it start() refuses with a message.
constexpr double kMaxComparisonBytes = 1024.0 * 1024 * 1024;  // 1 GiB (the page's heap is 2 GiB)

Json value_tag(const std::string& key, const std::string& value);  // {"rule":"fa"}, a number if it is one

class Comparison : public Steppable {
public:
    // One run per value, each a fresh lab with `base`'s parameters and key=value. Every value is checked
    // first (no model built), then the runs are created one at a time: the first one's memory (heap in use
    // before and after creating and stepping it once) times the number of runs must stay under
    // kMaxComparisonBytes. "" or an error message ("error: ..."); on an error no run is kept.
    std::string start(const Lab& base, const std::string& key, const std::vector<std::string>& values);
    void step() override;  // one step of the next unfinished run
    bool done() const override;
    double progress() const override;
    long long samples_seen() const override;
    bool active() const { return !runs.empty(); }
    void clear() { runs.clear(), values.clear(), key.clear(); }

    std::string label(size_t run) const { return key + "=" + values[run]; }
    Json tag(size_t run) const { return value_tag(key, values[run]); }
    Json json(double samples_per_s) const;  // comparison_json of every run
    std::string csv() const;                // every run's CSV, one block per run

    std::string key;
    std::vector<std::string> values;
    std::vector<std::unique_ptr<Lab>> runs;

private:
    size_t next_ = 0;
};

std::vector<std::string> split_values(const std::string& text);  // "bp, fa,dfa" -> {"bp","fa","dfa"}
// At least two values, each set on a copy of `base`'s parameters (no lab built): "" or the first error.
std::string check_values(const Params& base, const std::string& key, const std::vector<std::string>& values,
                         OutOfRange out_of_range = OutOfRange::Clamp);
// A fresh lab with `base`'s parameters, then key=value, reset; nullptr and `message` on a bad key or value.
std::unique_ptr<Lab> lab_variant(const Lab& base, const std::string& key, const std::string& value,
                                 std::string& message);

// One run of a comparison: value_tag, then run_json's members.
Json comparison_run_json(const std::string& key, const std::string& value, const Lab& run,
                         double samples_per_s);
// {"lab", "vary", "runs": [comparison_run_json...]}: Comparison::json, and the CLI's sweep (its runs one
// after another).
Json comparison_json(const std::string& lab, const std::string& key, Json runs);

}  // namespace pl
