#include "labs/backprop/backprop_panel.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include "labs/supervised_panel.h"
#include "labs/view_cache.h"

namespace pl {

namespace {

struct PanelState {
    SupervisedViews views;
    CachedView<std::vector<GradientCheckRow>> check;  // of the network as it was when measured
};

void gradient_check(BackpropLab& lab, CachedView<std::vector<GradientCheckRow>>& view) {
    if (!ImGui::CollapsingHeader("Gradient check")) return;
    ImGui::TextWrapped(
        "Analytic gradients (backprop) against central finite differences on 8 training samples, "
        "20 random entries per parameter. Relative error |a - n| / (|a| + |n|).");
    if (ImGui::Button("Check gradients now")) view.set(lab, lab.gradient_check());
    const std::vector<GradientCheckRow>* rows = view.get(lab);
    if (!rows) {  // never measured, or the weights or parameters have changed since
        ImGui::TextDisabled("No check of the current network yet.");
        return;
    }
    const std::vector<GradientCheckRow>& check = *rows;
    if (ImGui::BeginTable("check", 5,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const char* h : {"parameter", "entries", "max rel. error", "|analytic|", "|numeric|"})
            ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const GradientCheckRow& row : check) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s", row.param.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.checked);
            ImGui::TableNextColumn();
            // green where the Real's finite differences agree, amber up to 10x that, red beyond
            ImVec4 colour = row.max_rel_error < kGradientAgreement        ? ImVec4(0.4f, 0.9f, 0.4f, 1)
                            : row.max_rel_error < 10 * kGradientAgreement ? ImVec4(0.95f, 0.8f, 0.3f, 1)
                                                                          : ImVec4(1, 0.4f, 0.4f, 1);
            ImGui::TextColored(colour, "%.2e", row.max_rel_error);
            ImGui::TableNextColumn();
            ImGui::Text("%.3e", row.analytic_norm);
            ImGui::TableNextColumn();
            ImGui::Text("%.3e", row.numeric_norm);
        }
        ImGui::EndTable();
    }
}

}  // namespace

void draw_backprop_panel(BackpropLab& lab) {
    static PanelState state;
    if (ShowIfNotStarted(lab)) return;
    LearningCurves(lab.run);
    NormHistories(lab.run);
    if (lab.run.is_image_task())
        DigitViews(lab.run, state.views);
    else
        ToyViews(lab.run, state.views);
    gradient_check(lab, state.check);
}

}  // namespace pl
