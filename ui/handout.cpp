#include "ui/handout.h"
#include <imgui.h>
#include <fstream>
#include <sstream>
#include <vector>

namespace pl::ui {

namespace {

const ImVec4 kHeading(0.55f, 0.78f, 1.0f, 1.0f), kEquation(0.95f, 0.85f, 0.55f, 1.0f);

// "| a | b \\| c |" -> {"a", "b | c"}: cells between unescaped bars, trimmed
std::vector<std::string> table_cells(const std::string& row) {
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = 1; i < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
            cell += '|', ++i;
        } else if (row[i] == '|') {
            const size_t first = cell.find_first_not_of(' '), last = cell.find_last_not_of(' ');
            cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
            cell.clear();
        } else {
            cell += row[i];
        }
    }
    return cells;
}

void Table(const std::vector<std::string>& rows, int id) {
    const std::vector<std::string> header = table_cells(rows[0]);
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(("table" + std::to_string(id)).c_str(), int(header.size()), flags)) return;
    for (const std::string& h : header) ImGui::TableSetupColumn(h.c_str());
    ImGui::TableHeadersRow();
    for (size_t r = 2; r < rows.size(); ++r) {  // rows[1] is the |---| line
        ImGui::TableNextRow();
        for (const std::string& cell : table_cells(rows[r]))
            if (ImGui::TableNextColumn()) ImGui::TextWrapped("%s", cell.c_str());
    }
    ImGui::EndTable();
}

// The line with every [label](#preset=NAME) replaced by its label; the NAMEs and labels in `links`.
std::string without_links(const std::string& line, std::vector<std::pair<std::string, std::string>>& links) {
    const std::string marker = "](#preset=";
    std::string out;
    size_t from = 0;
    for (size_t at; (at = line.find(marker, from)) != std::string::npos;) {
        const size_t open = line.rfind('[', at), close = line.find(')', at);
        if (open == std::string::npos || open < from || close == std::string::npos) break;
        const std::string label = line.substr(open + 1, at - open - 1);
        links.push_back({line.substr(at + marker.size(), close - at - marker.size()), label});
        out += line.substr(from, open - from) + label;
        from = close + 1;
    }
    return out + line.substr(from);
}

}  // namespace

std::string load_handout(const std::string& lab_id) {
    std::string path = std::string(PL_LABS_DIR) + "/" + lab_id + "/handout.md";
    std::ifstream in(path);
    if (!in) return "# Handout missing\n\nNo handout at " + path + ".";
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string Handout(const std::string& markdown) {
    std::istringstream in(markdown);
    std::string line, clicked;
    std::vector<std::string> table;  // the rows of the table being read
    bool code = false;
    int tables = 0, links_drawn = 0;
    auto flush_table = [&] {
        if (table.size() >= 2) Table(table, tables++);
        table.clear();
    };
    while (std::getline(in, line)) {
        if (!code && line.rfind("|", 0) == 0) {
            table.push_back(line);
            continue;
        }
        flush_table();
        if (line.rfind("```", 0) == 0) {
            code = !code;
            continue;
        }
        if (code) {  // equations and code: monospace colour, no wrapping
            ImGui::TextColored(kEquation, "  %s", line.c_str());
            continue;
        }
        if (line.rfind("<!--", 0) == 0) continue;  // comments (the generated table's markers)
        std::vector<std::pair<std::string, std::string>> links;
        const std::string text = without_links(line, links);
        if (text.rfind("#", 0) == 0) {
            size_t level = text.find_first_not_of('#');
            ImGui::Spacing();
            ImGui::TextColored(kHeading, "%s", text.substr(text.find_first_not_of("# ")).c_str());
            if (level == 1) ImGui::Separator();
        } else if (text.rfind("- ", 0) == 0 || text.rfind("* ", 0) == 0) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", text.substr(2).c_str());
        } else if (text.empty()) {
            ImGui::Spacing();
        } else {
            ImGui::TextWrapped("%s", text.c_str());
        }
        for (const auto& [name, label] : links) {  // one button per preset link, under its line
            ImGui::Indent();
            ImGui::PushID(links_drawn++);
            if (ImGui::SmallButton(("Set up: " + label).c_str())) clicked = name;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("preset=%s", name.c_str());
            ImGui::PopID();
            ImGui::Unindent();
        }
    }
    flush_table();
    return clicked;
}

}  // namespace pl::ui
