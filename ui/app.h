// The app shell: lab browser, run controls, parameter editor, the lab's panel and its handout.
// Platform glue (ui/main.cpp) calls frame() once per frame; the page's JS API drives the same App.
#pragma once
#include <imgui.h>
#include <functional>
#include <memory>
#include <string>
#include "engine/json.h"
#include "labs/comparison.h"
#include "labs/lab.h"
#include "labs/lab_runner.h"

namespace pl::ui {

class App {
public:
    // Opens a lab from "lab=backprop&lr=0.01" (URL hash or command line); returns the messages, one per line.
    std::string apply_state(const std::string& state);
    std::string open(const std::string& id);  // "" or an error message
    std::string set(const std::string& key, const std::string& value);
    std::string state() const;  // "lab=<id>&k=v&..." for the shareable link
    Json status() const;        // {lab, running, done, progress, epochs, comparing, ..., error, buttons}
    void start();
    void pause() { runner.pause(); }
    void reset();
    // Up to n steps of the lab (or comparison) within budget_ms (at least one); returns the steps done. An
    // exception stops the run with its text as the error (stop_run).
    long long step(long long n, double budget_ms);
    // Runs the lab once per value of `key` ("bp,fa,dfa") and overlays their curves. The new comparison is
    // built aside and replaces the running one only when it started; "" or the messages.
    std::string compare(const std::string& key, const std::string& values);
    void stop_comparing();
    Steppable& work();  // what the run controls drive: the comparison while there is one, else the lab
    const Steppable& work() const { return const_cast<App*>(this)->work(); }
    std::string export_json() const;  // the whole run, or every run of the comparison
    std::string export_csv() const;
    // Saves (browser: downloads) the run as `kind`, json or csv; returns the text. Throws
    // std::invalid_argument for another kind, listing the valid ones.
    std::string export_run(const std::string& kind);

    void frame(double budget_ms = 25);  // lab work for this frame, then the whole UI

    std::unique_ptr<Lab> lab;
    LabRunner runner;
    Comparison comparison;
    std::function<void(const std::string&)> publish_state;  // web: updates the URL hash
    ImVec2 button_pos[4] = {};  // screen centres of Start, Pause, Step, Reset (for browser tests)
    float pixel_ratio = 1;      // framebuffer pixels per CSS pixel (browser); status() reports CSS pixels
    // Resets the lab with its current parameters (a preset stays named), running again if it ran or is live:
    // after a parameter changed, or after the data it stopped without arrived (the page's dataLoaded).
    void after_params_changed();

private:
    void draw_sidebar();
    void draw_run_controls();
    void draw_compare_controls();
    void draw_main_area();
    void publish();
    void stop_run(const std::string& message);  // the lab work threw: stop with `message` as the error
    std::string work_error() const;             // the lab's error, or in a comparison the first run's
    bool stopped_on_stub() const;  // stopped on an exercise that is still a stub (Problem::NotImplemented)

    std::string messages_;   // clamping warnings, errors
    std::string handout_;    // labs/<id>/handout.md
    std::string published_;  // the state last published
    int compare_key_ = 0;    // index into the lab's params, for the compare controls
    char compare_values_[128] = "";
    bool select_comparison_tab_ = false;
    int seen_generation_ = -1;  // the lab's parameters' generation last reset for (a panel may change them)
};

}  // namespace pl::ui
