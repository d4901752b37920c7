// Shared by the lab acceptance tests: run a lab to its end (with settings), run a RuleLab's defaults with one
// rule, and read a lab-level check's figure from labs/<lab>/<lab>_checks.json (the one source of that
// threshold).
#pragma once
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include "engine/json.h"
#include "labs/lab.h"

namespace pl {

inline void run_to_end(Lab& lab) {
    while (!lab.done()) lab.step();
}

// Every value of every log of `lab` to the last bit (hex floats; the wall-clock column epoch_s left out): two
// runs that logged the same numbers give the same text.
inline std::string logged_bits(const Lab& lab) {
    std::string out;
    for (const MetricLog* log : lab.logs())
        for (const std::string& column : log->columns) {
            if (column == "epoch_s") continue;
            out += log->name + "." + column + ":";
            for (double value : log->column(column)) {
                char text[32];
                std::snprintf(text, sizeof text, " %a", value);
                out += text;
            }
            out += "\n";
        }
    return out;
}

// The final metrics by name.
inline std::map<std::string, double> final_metrics_by_name(const Lab& lab) {
    std::map<std::string, double> out;
    for (const auto& [name, value] : lab.final_metrics()) out[name] = value;
    return out;
}

// Applies `settings` ("k=v&k=v", as the CLI's --set and the URL; any message fails the test), resets and runs
// to the end, or to an error (see lab.error).
inline void run_settings(Lab& lab, const std::string& settings) {
    for (const std::string& message : lab.params.set_all(settings)) FAIL(settings << ": " << message);
    lab.reset();
    REQUIRE(lab.error.empty());
    run_to_end(lab);
}

// The same for a run that must end without an error: its final metrics by name.
inline std::map<std::string, double> run_for_metrics(Lab& lab, const std::string& settings) {
    run_settings(lab, settings);
    REQUIRE(lab.error.empty());
    return final_metrics_by_name(lab);
}

// A fresh LabT with rule=`rule` and everything else at its defaults (10 epochs), run to its end.
template <class LabT>
const MetricLog& run_defaults_with_rule(LabT& lab, const std::string& rule) {
    REQUIRE(lab.params.set("rule", rule).empty());
    lab.reset();
    REQUIRE(lab.settings().training.epochs == 10);
    run_to_end(lab);
    REQUIRE(lab.error.empty());
    return *lab.logs()[0];
}

// The "at_least" (or `bound` "at_most") of lab-level check `check_id` ("backprop.mnist_accuracy") in its
// lab's _checks.json, the figure scripts/exercise grade holds a student's run to; throws for an unknown id,
// naming the file's checks, or a bound the check does not have.
inline double check_figure(const std::string& check_id, const std::string& bound = "at_least") {
    const std::string lab = check_id.substr(0, check_id.find('.'));
    std::string file = lab;
    std::replace(file.begin(), file.end(), '-', '_');
    const std::string path = std::string(PL_SOURCE_DIR) + "/labs/" + lab + "/" + file + "_checks.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path + " (the checks of check " + check_id + ")");
    const Json checks = Json::parse(in).at("checks");
    std::string valid;
    for (const Json& check : checks) {
        if (check.at("id") == check_id) return check.at(bound).get<double>();
        valid += (valid.empty() ? "" : ", ") + check.at("id").get<std::string>();
    }
    throw std::invalid_argument("no check " + check_id + " in " + path + "; its checks: " + valid);
}

}  // namespace pl
