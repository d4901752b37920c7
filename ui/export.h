// Saving what the user exports: text files (CSV, JSON) and PNG snapshots of a screen rectangle.
// In the browser these become downloads; natively they are written to the working directory.
#pragma once
#include <imgui.h>
#include <string>

namespace pl::ui {

// Returns a one-line message for the status bar ("saved loss.csv" / "download started: loss.csv").
std::string SaveTextFile(const std::string& filename, const std::string& content, const char* mime);

// Asks for a PNG of the screen rectangle [min, max) (ImGui coordinates) once the frame is rendered.
void RequestPngCapture(const std::string& filename, ImVec2 min, ImVec2 max);
// Called by the platform loop right after rendering, with the framebuffer size and the display scale.
// Reads pending captures with glReadPixels and saves them. Returns a message, or "" if none was pending.
std::string ServicePngCaptures(int framebuffer_width, int framebuffer_height, ImVec2 framebuffer_scale);

// Whole-screen capture used by the desktop smoke test (--screenshot): reads the back buffer now.
bool SaveScreenshotPng(const std::string& path, int framebuffer_width, int framebuffer_height);

// Shared by all plots: a right-click context menu with "Export CSV" and "Export PNG" for the last item.
void ExportContextMenu(const char* id, const std::string& basename, const std::string& csv, ImVec2 min,
                       ImVec2 max);

// For widgets, right after their item: true while that item's export menu is open or opening, so the
// CSV text is only built then (pass "" otherwise).
bool ExportMenuOpen(const char* id);
// True while a PNG capture waits for the next rendered frame: widgets skip hover decorations then.
bool PngCapturePending();

// The last message produced by an export (for the status bar).
std::string& ExportStatus();

}  // namespace pl::ui
