// A comparison: the current lab run once per value of one parameter, all else equal (same seed, hence the
// same initial weights and data order). The runs are stepped round-robin so their curves grow together.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "engine/json.h"
#include "labs/lab.h"

namespace pl {

class Comparison : public Steppable {
public:
    // One run per value, each a fresh lab with `base`'s parameters and key=value. "" or an error message.
    std::string start(const Lab& base, const std::string& key, const std::vector<std::string>& values);
    void step() override;  // one step of the next unfinished run
    bool done() const override;
    double progress() const override;
    long long samples_seen() const override;
    bool active() const { return !runs.empty(); }
    void clear() { runs.clear(), values.clear(), key.clear(); }

    std::string label(size_t run) const { return key + "=" + values[run]; }
    Json tag(size_t run) const;             // {"rule":"fa"}: the varied value (a number if it is one)
    Json json(double samples_per_s) const;  // {"lab","vary","runs":[{<key>:value, run_json...}...]}
    std::string csv() const;                // every run's CSV, one block per run

    std::string key;
    std::vector<std::string> values;
    std::vector<std::unique_ptr<Lab>> runs;

private:
    size_t next_ = 0;
};

std::vector<std::string> split_values(const std::string& text);  // "bp, fa,dfa" -> {"bp","fa","dfa"}
// A fresh lab with `base`'s parameters, then key=value, reset; nullptr and `message` on a bad key or value.
std::unique_ptr<Lab> lab_variant(const Lab& base, const std::string& key, const std::string& value,
                                 std::string& message);

}  // namespace pl
