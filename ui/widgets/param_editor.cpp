// Editor for a lab's Params: a two-column table (name | widget and unit). Every edit goes through
// Params::set, so its clamping and its messages apply to the editor as to the URL and the CLI.
#include "ui/widgets/param_editor.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace pl::ui {

namespace {

// The text being typed into an IntList field; shown instead of the value while the field is active.
struct ListEdit {
    char text[128] = "";
    bool editing = false;
};

std::string NumberText(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

void HelpTooltip(const ParamSpec& spec) {
    if (!spec.help.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", spec.help.c_str());
    }
}

// Draws the widget for one parameter; returns the new value as text when the user changed it, else "".
std::string ValueWidget(Params& params, const ParamSpec& spec) {
    const std::string& name = spec.name;
    switch (spec.kind) {
        case ParamKind::Float: {
            double value = params.number(name), min = spec.min, max = spec.max;
            // Enough significant digits to reach the smallest value: ImGui's log slider treats anything
            // closer to zero than 10^-digits as zero.
            int digits = 4;
            if (spec.log_scale && min > 0) digits = std::max(4, int(std::ceil(-std::log10(min))) + 1);
            char format[16];
            std::snprintf(format, sizeof format, "%%.%dg", digits);
            ImGuiSliderFlags flags = spec.log_scale ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None;
            if (ImGui::SliderScalar("##value", ImGuiDataType_Double, &value, &min, &max, format, flags)) {
                return NumberText(value);
            }
            return "";
        }
        case ParamKind::Int: {
            int value = params.integer(name);
            if (ImGui::SliderInt("##value", &value, int(spec.min), int(spec.max)))
                return std::to_string(value);
            return "";
        }
        case ParamKind::Bool: {
            bool value = params.flag(name);
            if (ImGui::Checkbox("##value", &value)) return value ? "true" : "false";
            return "";
        }
        case ParamKind::Choice: {
            std::string picked;
            const std::string& current = params.choice(name);
            if (ImGui::BeginCombo("##value", current.c_str())) {
                for (const std::string& choice : spec.choices) {
                    if (ImGui::Selectable(choice.c_str(), choice == current)) picked = choice;
                }
                ImGui::EndCombo();
            }
            return picked;
        }
        case ParamKind::IntList: {
            // Applied on Enter or when the field loses focus, and only if the text differs from the value.
            static std::unordered_map<ImGuiID, ListEdit> edits;
            ListEdit& edit = edits[ImGui::GetID("##value")];
            const std::string current = params.text(name);
            if (!edit.editing) std::snprintf(edit.text, sizeof edit.text, "%s", current.c_str());
            bool enter =
                ImGui::InputText("##value", edit.text, sizeof edit.text,
                                 ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsNoBlank);
            bool left = ImGui::IsItemDeactivatedAfterEdit();
            edit.editing = ImGui::IsItemActive();
            if ((enter || left) && current != edit.text) return edit.text;
            return "";
        }
    }
    return "";
}

// For a parameter with per-mode defaults: "auto" (greyed) while it follows its mode's default, else a small
// "auto" button that makes it follow again. Returns true when clicked.
bool FollowMarker(Params& params, const ParamSpec& spec) {
    const std::string defaults = "its mode's default: " + params.default_text(spec);
    if (params.follows_mode(spec.name)) {
        ImGui::TextDisabled("auto");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("follows %s", defaults.c_str());
        return false;
    }
    const bool clicked = ImGui::SmallButton("auto");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("set by you; click to follow %s", defaults.c_str());
    return clicked;
}

}  // namespace

bool ParamEditor(Params& params, std::string& message, bool disabled) {
    bool changed = false;
    ImGui::PushID(&params);
    if (disabled) ImGui::BeginDisabled();
    if (ImGui::BeginTable("##params", 2)) {
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        for (const ParamSpec& spec : params.specs()) {
            if (!params.applies(spec)) continue;  // not in the current mode (the URL and CLI still set it)
            ImGui::PushID(spec.name.c_str());
            ImGui::TableNextRow();

            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(spec.name.c_str());
            HelpTooltip(spec);

            ImGui::TableSetColumnIndex(1);
            const float spacing = ImGui::GetStyle().ItemSpacing.x;
            float unit_width = spec.unit.empty() ? 0.0f : ImGui::CalcTextSize(spec.unit.c_str()).x + spacing;
            if (!spec.mode_defaults.empty())
                unit_width += ImGui::CalcTextSize("auto").x + 2 * ImGui::GetStyle().FramePadding.x + spacing;
            ImGui::SetNextItemWidth(spec.kind == ParamKind::Bool ? 0.0f : -std::max(unit_width, 1.0f));
            std::string text = ValueWidget(params, spec);
            HelpTooltip(spec);
            if (!spec.unit.empty()) {
                ImGui::SameLine();
                ImGui::TextUnformatted(spec.unit.c_str());
            }
            if (!spec.mode_defaults.empty()) {
                ImGui::SameLine();
                if (FollowMarker(params, spec)) {
                    params.follow_mode(spec.name);
                    changed = true;
                }
            }

            if (!text.empty()) {
                std::string result = params.set(spec.name, text);
                if (!result.empty()) message += (message.empty() ? "" : "\n") + result;
                if (!params.is_error(result)) changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (disabled) ImGui::EndDisabled();
    ImGui::PopID();
    return changed;
}

}  // namespace pl::ui
