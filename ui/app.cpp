#include "ui/app.h"
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <stdexcept>
#include "engine/json.h"
#include "engine/table.h"
#include "labs/catalog.h"
#include "labs/run_export.h"
#include "ui/comparison_view.h"
#include "ui/exception_text.h"
#include "ui/export.h"
#include "ui/handout.h"
#include "ui/widgets/param_editor.h"

namespace pl::ui {

namespace {

void append_line(std::string& text, const std::string& line) {
    if (line.empty()) return;
    text += (text.empty() ? "" : "\n") + line;
}

// URL percent-decoding of one hash item ("%E0%A4%A4" -> UTF-8 bytes, "+" stays "+"); false on a malformed
// escape ("%E0%A4%A", "%zz"), leaving `out` incomplete.
bool percent_decode(const std::string& text, std::string& out) {
    out.clear();
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(text[i + 2])))
            return false;
        out += char(std::stoi(text.substr(i + 1, 2), nullptr, 16));
        i += 2;
    }
    return true;
}

std::string format_duration(double s) {
    if (!std::isfinite(s)) return "--";
    char buf[32];
    if (s < 60)
        std::snprintf(buf, sizeof buf, "%.0f s", s);
    else
        std::snprintf(buf, sizeof buf, "%d min %02d s", int(s) / 60, int(s) % 60);
    return buf;
}

// The kinds of export: the text, its MIME type and the sidebar's button.
struct ExportKind {
    std::string (App::*text)() const;
    const char* mime;
    const char* button;
};

const Table<ExportKind>& export_kinds() {
    static const Table<ExportKind> table(
        "export kind",
        {{"json",
          "the run (or every run of the comparison) as JSON",
          {&App::export_json, "application/json", "Export run JSON"}},
         {"csv", "the run's logs (every run's) as CSV", {&App::export_csv, "text/csv", "Export run CSV"}}});
    return table;
}

}  // namespace

std::string App::open(const std::string& id) {
    std::string message;
    std::unique_ptr<Lab> next = make_lab(id, message);
    if (!next) return message;
    comparison.clear();  // a comparison belongs to the lab it was started on
    lab = std::move(next);
    runner.attach(lab.get());
    runner.running = lab->live() && lab->error.empty();
    seen_generation_ = lab->params.generation();
    handout_ = load_handout(id);
    messages_.clear();
    append_line(messages_, lab->error);
    publish();
    return "";
}

std::string App::set(const std::string& key, const std::string& value) {
    if (!lab) return "error: no lab is open";
    std::string message = lab->params.set(key, value);
    if (!lab->params.is_error(message)) after_params_changed();
    append_line(messages_, message);
    return message;
}

std::string App::apply_state(const std::string& state) {
    std::string messages, id;
    std::vector<std::string> rest;
    std::stringstream in(state);
    std::string raw;
    while (std::getline(in, raw, '&')) {  // split first, then decode: an escaped & stays in its value
        std::string item;
        if (!percent_decode(raw, item)) {
            append_line(messages, "error: '" + raw + "' has a malformed %-escape; it was ignored");
            continue;
        }
        if (item.rfind("lab=", 0) == 0)
            id = item.substr(4);
        else if (!item.empty())
            rest.push_back(item);
    }
    if (!id.empty()) append_line(messages, open(id));
    if (!lab) append_line(messages, open("backprop"));
    for (const std::string& kv : rest) {
        size_t eq = kv.find('=');
        if (eq == std::string::npos)
            append_line(messages, "error: '" + kv + "' is not key=value");
        else
            append_line(messages, lab->params.set(kv.substr(0, eq), kv.substr(eq + 1)));
    }
    after_params_changed();
    messages_ = messages;
    return messages;
}

std::string App::state() const { return lab ? "lab=" + lab->info().id + "&" + lab->params.query() : ""; }

Json App::status() const {
    Json status = Json::object();
    status["lab"] = nullptr;
    if (!lab) return status;
    Json buttons = Json::object();
    const char* names[] = {"start", "pause", "step", "reset"};
    for (int i = 0; i < 4; ++i)
        buttons[names[i]] = {json_number(button_pos[i].x / pixel_ratio),
                             json_number(button_pos[i].y / pixel_ratio)};
    status["lab"] = lab->info().id;
    status["running"] = runner.running;
    status["done"] = work().done();
    status["progress"] = json_number(work().progress());
    status["epochs"] = lab->epochs_done();
    status["comparing"] = comparison.active() ? Json(comparison.key) : Json(nullptr);
    status["samples_per_s"] = json_number(runner.samples_per_s());
    status["eta_s"] = json_number(runner.eta_s());
    status["longest_step_ms"] = json_number(runner.longest_step_ms());
    status["error"] = work_error();
    status["buttons"] = buttons;
    return status;
}

void App::start() {
    if (!lab) return;
    if (work().done()) reset();
    runner.running = true;
}

void App::reset() {
    messages_.clear();
    std::string failure = failure_of([&] {
        if (comparison.active()) {  // restart every run of the comparison
            std::string values;
            for (const std::string& v : comparison.values) values += (values.empty() ? "" : ",") + v;
            append_line(messages_, comparison.start(*lab, comparison.key, split_values(values)));
        }
        stop_on_stub(*lab, [&] { lab->reset(); });
    });
    if (!failure.empty()) stop_run(failure);
    runner.restart_clock();
    append_line(messages_, work_error());
}

Steppable& App::work() {
    if (comparison.active()) return comparison;
    return *lab;
}

long long App::step(long long n, double budget_ms) {
    long long done = 0;
    if (std::string failure =
            failure_of([&] { stop_on_stub(*lab, [&] { done = runner.step_n(n, budget_ms); }); });
        !failure.empty())
        stop_run(failure);
    return done;
}

void App::stop_run(const std::string& message) {
    runner.pause();
    if (comparison.active()) {
        for (const std::unique_ptr<Lab>& run : comparison.runs)
            if (!run->done()) run->error = message;
    } else {
        lab->error = message;
    }
    std::printf("ui: stopped: %s\n", message.c_str());
}

bool App::stopped_on_stub() const {
    if (!comparison.active()) return lab->problem == Problem::NotImplemented;
    for (const std::unique_ptr<Lab>& run : comparison.runs)
        if (run->problem == Problem::NotImplemented && !run->error.empty()) return true;
    return false;
}

std::string App::work_error() const {
    if (!comparison.active()) return lab->error;
    for (size_t i = 0; i < comparison.runs.size(); ++i)
        if (!comparison.runs[i]->error.empty()) return comparison.label(i) + ": " + comparison.runs[i]->error;
    return "";
}

std::string App::compare(const std::string& key, const std::string& values) {
    if (!lab) return "error: no lab is open";
    Comparison next;
    std::string message = next.start(*lab, key, split_values(values));
    if (!next.active()) return message;
    comparison = std::move(next);
    runner.attach(&comparison);
    runner.running = true;
    select_comparison_tab_ = true;
    std::printf("ui: compare %s\n", key.c_str());
    return message;
}

void App::stop_comparing() {
    comparison.clear();
    runner.attach(lab.get());
}

std::string App::export_json() const {
    if (comparison.active()) return dump(comparison.json(runner.samples_per_s()));
    return dump(run_json(*lab, runner.samples_per_s()));
}

std::string App::export_csv() const { return comparison.active() ? comparison.csv() : run_csv(*lab); }

std::string App::export_run(const std::string& kind) {
    const TableEntry<ExportKind>& format = export_kinds().find(kind);
    if (!lab) throw std::logic_error("no lab is open");
    std::string text = (this->*format.value.text)();
    const std::string name = lab->info().id + (comparison.active() ? "-comparison." : "-run.") + format.name;
    ExportStatus() = SaveTextFile(name, text, format.value.mime);
    return text;
}

void App::after_params_changed() {
    if (!lab) return;
    bool was_running = runner.running;
    if (comparison.active()) stop_comparing();  // a comparison holds the parameters it started with
    reset();
    runner.running = (was_running || lab->live()) && lab->error.empty();
    seen_generation_ = lab->params.generation();
    publish();
}

void App::publish() {
    std::string now = state();
    if (now == published_) return;
    published_ = now;
    if (publish_state) publish_state(now);
}

void App::frame(double budget_ms) {
    if (lab && runner.running)
        if (std::string failure =
                failure_of([&] { stop_on_stub(*lab, [&] { runner.run_slice(budget_ms); }); });
            !failure.empty())
            stop_run(failure);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin(
        "Plasticity Lab", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus);
    float sidebar = std::max(280.0f, ImGui::GetFontSize() * 24);
    ImGui::BeginChild("sidebar", ImVec2(sidebar, 0), true);
    draw_sidebar();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("main", ImVec2(0, 0), false);
    draw_main_area();
    ImGui::EndChild();
    ImGui::End();
    if (lab && lab->params.generation() != seen_generation_) after_params_changed();  // a panel's button
}

void App::draw_sidebar() {
    ImGui::TextColored(ImVec4(0.55f, 0.78f, 1.0f, 1.0f), "Plasticity Lab");
    ImGui::TextDisabled("learning in artificial and biological networks");
    ImGui::Separator();

    // Lab browser: all nine labs; those not built yet are shown as "coming".
    for (const CatalogEntry& entry : lab_catalog()) {
        bool current = lab && lab->info().id == entry.info.id;
        ImGui::BeginDisabled(!entry.make);
        std::string label = entry.info.title + (entry.make ? "" : "  (coming)") + "##" + entry.info.id;
        if (ImGui::Selectable(label.c_str(), current) && !current) {
            std::printf("ui: lab %s\n", entry.info.id.c_str());
            open(entry.info.id);
        }
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", entry.info.summary.c_str());
    }
    ImGui::Separator();
    if (!lab) return;

    draw_run_controls();
    ImGui::Separator();
    ImGui::TextDisabled("Parameters (a change resets the run)");
    std::string message;
    if (ParamEditor(lab->params, message)) {
        after_params_changed();
        append_line(messages_, message);
    }
    ImGui::Separator();
    draw_compare_controls();
    ImGui::Separator();
    for (const TableEntry<ExportKind>& kind : export_kinds().entries()) {
        if (&kind != &export_kinds().entries().front()) ImGui::SameLine();
        if (ImGui::Button(kind.value.button))
            if (std::string failure = failure_of([&] { export_run(kind.name); }); !failure.empty())
                ExportStatus() = "export failed: " + failure;
    }
    if (!ExportStatus().empty()) ImGui::TextDisabled("%s", ExportStatus().c_str());
    if (!messages_.empty()) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", messages_.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::SmallButton("dismiss")) messages_.clear();
    }
}

void App::draw_run_controls() {
    auto centre = [] {
        return ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                      (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
    };
    ImGui::BeginDisabled(runner.running);
    if (ImGui::Button(work().done() ? "Restart" : "Start")) {
        std::printf("ui: start\n");
        start();
    }
    button_pos[0] = centre();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!runner.running);
    if (ImGui::Button("Pause")) {
        std::printf("ui: pause\n");
        pause();
    }
    button_pos[1] = centre();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(runner.running || work().done());
    if (ImGui::Button("Step")) step(1, std::numeric_limits<double>::infinity());
    button_pos[2] = centre();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Reset")) {
        std::printf("ui: reset\n");
        runner.pause();
        reset();
        runner.running = lab->live() && lab->error.empty();
    }
    button_pos[3] = centre();

    char overlay[96];
    if (comparison.active())
        std::snprintf(overlay, sizeof overlay, "%.0f%%  %zu runs", work().progress() * 100,
                      comparison.runs.size());
    else
        std::snprintf(overlay, sizeof overlay, "%.0f%%  epoch %d", work().progress() * 100,
                      lab->epochs_done());
    ImGui::ProgressBar(float(work().progress()), ImVec2(-1, 0), overlay);
    ImGui::Text("%.0f samples/s   ETA %s", runner.samples_per_s(),
                work().done() ? "done" : format_duration(runner.eta_s()).c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Throughput over the time spent training. Longest single step: %.1f ms",
                          runner.longest_step_ms());
    if (const std::string error = work_error(); !error.empty()) {
        ImGui::PushTextWrapPos(0);
        if (stopped_on_stub())  // a student's copy: a notice of what to write next, not a failure
            ImGui::TextColored(
                ImVec4(1.0f, 0.8f, 0.3f, 1.0f),
                "%s.\nWrite it, rebuild and press Reset (check it with scripts/exercise check).",
                error.c_str());
        else
            ImGui::TextColored(ImVec4(1.0f, 0.4f, 0.4f, 1.0f), "Stopped: %s", error.c_str());
        ImGui::PopTextWrapPos();
    }
}

void App::draw_compare_controls() {
    if (!ImGui::CollapsingHeader("Compare runs")) return;
    const std::vector<ParamSpec>& specs = lab->params.specs();
    compare_key_ = std::min(compare_key_, int(specs.size()) - 1);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo("vary", specs[size_t(compare_key_)].name.c_str())) {
        for (size_t i = 0; i < specs.size(); ++i) {
            if (!ImGui::Selectable(specs[i].name.c_str(), int(i) == compare_key_)) continue;
            compare_key_ = int(i);
            std::string all;  // a choice parameter: offer all its choices
            for (const std::string& c : specs[i].choices) all += (all.empty() ? "" : ",") + c;
            std::snprintf(compare_values_, sizeof compare_values_, "%s", all.c_str());
        }
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##values", "values, e.g. bp,fa,dfa", compare_values_, sizeof compare_values_);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("One run per value, same seed: same initial weights, same data order");
    if (ImGui::Button("Run comparison")) {
        std::string message;
        std::string failure =
            failure_of([&] { message = compare(specs[size_t(compare_key_)].name, compare_values_); });
        append_line(messages_, failure.empty() ? message : "error: " + failure);
    }
    if (comparison.active()) {
        ImGui::SameLine();
        if (ImGui::Button("Back to one run")) stop_comparing();
    }
}

void App::draw_main_area() {
    if (!lab) {
        ImGui::TextWrapped("Choose a lab on the left.");
        return;
    }
    ImGui::Text("%s", lab->info().title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("- %s", lab->info().summary.c_str());
    if (ImGui::BeginTabBar("tabs")) {
        if (comparison.active()) {
            ImGuiTabItemFlags flags = select_comparison_tab_ ? ImGuiTabItemFlags_SetSelected : 0;
            select_comparison_tab_ = false;
            if (ImGui::BeginTabItem("Comparison", nullptr, flags)) {
                ImGui::BeginChild("comparison");
                ComparisonView(comparison);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
        }
        if (ImGui::BeginTabItem("Lab")) {
            ImGui::BeginChild("panel");
            if (const CatalogEntry* entry = find_lab(lab->info().id); entry && entry->panel)
                entry->panel(*lab);
            else
                ImGui::TextDisabled("This lab has no panel yet.");
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Handout")) {
            ImGui::BeginChild("handout");
            ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 60));
            if (const std::string preset = Handout(handout_); !preset.empty()) set("preset", preset);
            ImGui::PopTextWrapPos();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

}  // namespace pl::ui
