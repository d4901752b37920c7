// The three continual-learning scenarios (van de Ven & Tolias 2019): which output unit a context's class is,
// and which units a sample's softmax runs over (task: its context's head; domain: the one shared head; class:
// every class seen so far).
#pragma once
#include <vector>
#include "engine/table.h"
#include "engine/tensor.h"

namespace pl {

enum class Scenario { Task, Domain, Class };
const Table<Scenario>& scenario_table();  // task, domain, class

// Logit given to the units a sample's softmax leaves out: its probability is exactly 0.
constexpr double kMaskedLogit = -1e30;

struct OutputLayout {
    Scenario scenario = Scenario::Task;
    int classes = 2;   // classes within one context (split: 2 digits, permuted: 10)
    int contexts = 5;  // T

    // Output units: task T heads of `classes`; domain one shared head; class every context's classes.
    int outputs() const { return scenario == Scenario::Domain ? classes : classes * contexts; }
    // The unit of class `local` (0..classes-1) of `context`: domain `local`, else classes * context + local.
    int unit(int context, int local) const;
    // The units [first, first + count) a sample with target unit `unit` is scored over while the run trains
    // context `current` (0-based): task its own head, domain every unit, class the heads of contexts
    // 0..current.
    void active(int unit, int current, int& first, int& count) const;
    // 1 on each sample's active units, 0 elsewhere: outputs x samples.
    Mat mask(const std::vector<int>& units, int current) const;
};

// The logits with every inactive unit (mask 0) set to kMaskedLogit.
Mat masked_logits(const Mat& logits, const Mat& mask);
// Fraction of samples whose largest active logit is their target unit.
double masked_accuracy(const Mat& logits, const std::vector<int>& units, const OutputLayout& layout,
                       int current);

}  // namespace pl
