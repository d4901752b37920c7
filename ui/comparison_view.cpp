#include "ui/comparison_view.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/units.h"

namespace pl::ui {

void ComparisonView(const Comparison& comparison) {
    if (comparison.runs.empty()) return;
    ImGui::TextWrapped("Same seed for every run: identical initial weights and data order; only %s differs.",
                       comparison.key.c_str());
    const std::vector<const MetricLog*> first = comparison.runs[0]->logs();
    for (size_t l = 0; l < first.size(); ++l) {
        const MetricLog& log = *first[l];
        if (log.columns.size() < 2) continue;
        ImGui::TextDisabled("per %s", log.columns[0].c_str());
        ImGui::Separator();
        const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
        for (size_t c = 1; c < log.columns.size(); ++c) {
            std::vector<PlotSeries> series;
            for (size_t r = 0; r < comparison.runs.size(); ++r) {
                const MetricLog& run_log = *comparison.runs[r]->logs()[l];
                series.push_back(
                    {comparison.values[r], &run_log.column(log.columns[0]), &run_log.column(log.columns[c])});
            }
            PlotOptions options;
            options.x_label = log.columns[0].c_str();
            options.log_y = log.columns[c].find("loss") != std::string::npos;
            if (c % 2 == 0) ImGui::SameLine();
            LinePlot((log.name + "/" + log.columns[c]).c_str(), log.columns[c].c_str(), series,
                     ImVec2(width, Px(200)), options);
        }
    }
}

}  // namespace pl::ui
