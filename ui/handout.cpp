#include "ui/handout.h"
#include <imgui.h>
#include <fstream>
#include <sstream>

namespace pl::ui {

std::string load_handout(const std::string& lab_id) {
    std::string path = std::string(PL_LABS_DIR) + "/" + lab_id + "/handout.md";
    std::ifstream in(path);
    if (!in) return "# Handout missing\n\nNo handout at " + path + ".";
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void Handout(const std::string& markdown) {
    std::istringstream in(markdown);
    std::string line;
    bool code = false;
    const ImVec4 heading(0.55f, 0.78f, 1.0f, 1.0f), equation(0.95f, 0.85f, 0.55f, 1.0f);
    while (std::getline(in, line)) {
        if (line.rfind("```", 0) == 0) {
            code = !code;
            continue;
        }
        if (code) {  // equations and code: monospace colour, no wrapping
            ImGui::TextColored(equation, "  %s", line.c_str());
        } else if (line.rfind("#", 0) == 0) {
            size_t level = line.find_first_not_of('#');
            ImGui::Spacing();
            ImGui::TextColored(heading, "%s", line.substr(line.find_first_not_of("# ")).c_str());
            if (level == 1) ImGui::Separator();
        } else if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.substr(2).c_str());
        } else if (line.empty()) {
            ImGui::Spacing();
        } else {
            ImGui::TextWrapped("%s", line.c_str());
        }
    }
}

}  // namespace pl::ui
