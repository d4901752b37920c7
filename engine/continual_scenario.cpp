#include "engine/continual_scenario.h"

namespace pl {

const Table<Scenario>& scenario_table() {
    static const Table<Scenario> table(
        "scenario",
        {
            {"task", "task-incremental: the context is given, each has its own output head", Scenario::Task},
            {"domain", "domain-incremental: one shared head, the context is not given", Scenario::Domain},
            {"class", "class-incremental: one softmax over every class seen so far, the context is inferred",
             Scenario::Class},
        });
    return table;
}

int OutputLayout::unit(int context, int local) const {
    return scenario == Scenario::Domain ? local : classes * context + local;
}

void OutputLayout::active(int unit, int current, int& first, int& count) const {
    switch (scenario) {
        case Scenario::Task:
            first = unit / classes * classes, count = classes;
            return;
        case Scenario::Domain:
            first = 0, count = classes;
            return;
        case Scenario::Class:
            first = 0, count = classes * (current + 1);
            return;
    }
}

Mat OutputLayout::mask(const std::vector<int>& units, int current) const {
    Mat m = Mat::Zero(outputs(), Eigen::Index(units.size()));
    for (size_t n = 0; n < units.size(); ++n) {
        int first = 0, count = 0;
        active(units[n], current, first, count);
        m.col(Eigen::Index(n)).segment(first, count).setOnes();
    }
    return m;
}

// z'_k = z_k where the unit is active, kMaskedLogit elsewhere
Mat masked_logits(const Mat& logits, const Mat& mask) {
    return (mask.array() > 0).select(logits, Mat::Constant(logits.rows(), logits.cols(), kMaskedLogit));
}

double masked_accuracy(const Mat& logits, const std::vector<int>& units, const OutputLayout& layout,
                       int current) {
    const Mat z = masked_logits(logits, layout.mask(units, current));
    int correct = 0;
    for (Eigen::Index n = 0; n < z.cols(); ++n) {
        Eigen::Index best = 0;
        z.col(n).maxCoeff(&best);
        correct += int(best) == units[size_t(n)];
    }
    return units.empty() ? 0 : double(correct) / double(units.size());
}

}  // namespace pl
