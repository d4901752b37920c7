// Shared by the lab acceptance tests: run a lab to its end, and run a RuleLab's defaults with one rule.
#pragma once
#include <catch2/catch.hpp>
#include <string>
#include "labs/lab.h"

namespace pl {

inline void run_to_end(Lab& lab) {
    while (!lab.done()) lab.step();
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

}  // namespace pl
