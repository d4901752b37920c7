#include "ui/comparison_view.h"
#include <cmath>
#include "labs/run_export.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/units.h"

namespace pl::ui {

namespace {

// One row per run: the varied value, then the run's final metrics (so far, while it runs).
void ResultsTable(const Comparison& comparison) {
    const std::vector<std::pair<std::string, double>> first = comparison.runs[0]->final_metrics();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("results", int(first.size()) + 1, flags)) return;
    ImGui::TableSetupColumn(comparison.key.c_str());
    for (const auto& metric : first) ImGui::TableSetupColumn(metric.first.c_str());
    ImGui::TableHeadersRow();
    for (size_t r = 0; r < comparison.runs.size(); ++r) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%s", comparison.values[r].c_str());
        const std::vector<std::pair<std::string, double>> metrics = comparison.runs[r]->final_metrics();
        for (size_t m = 0; m < first.size() && m < metrics.size(); ++m) {
            ImGui::TableNextColumn();
            if (std::isfinite(metrics[m].second)) {
                ImGui::Text("%.4g", metrics[m].second);
                continue;
            }
            ImGui::TextDisabled("--");  // no value: say why, never "nan"
            const std::string why = why_undefined(*comparison.runs[r], metrics[m].first);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", why.empty() ? "no value" : why.c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace

void ComparisonView(const Comparison& comparison) {
    if (comparison.runs.empty()) return;
    ImGui::TextWrapped("Same seed for every run: identical initial weights and data order; only %s differs.",
                       comparison.key.c_str());
    ImGui::TextDisabled("final metrics per run");
    ImGui::Separator();
    ResultsTable(comparison);
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
