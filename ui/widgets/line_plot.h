// Line plot on ImDrawList: several series, legend, axes with ticks, hover read-out, optional shaded band.
// Right-click the plot for "Export CSV" / "Export PNG" (ui/export.h).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>  // ImRect
#include <string>
#include <vector>

namespace pl::ui {

struct PlotSeries {
    std::string name;
    const std::vector<double>* x = nullptr;  // nullptr: x = 0, 1, 2, ...
    const std::vector<double>* y = nullptr;
    ImU32 color = 0;      // 0: next colour of the palette
    bool points = false;  // markers only (data points), no line
    bool dashed = false;
};

struct PlotBand {
    int lower = -1, upper = -1;  // series indices (same x)
    ImU32 color = 0;             // 0: the lower series' colour, faded
};

struct PlotMark {  // a labelled vertical line, e.g. where a training phase begins
    double x = 0;
    std::string label;  // written at the top, just right of the line
    ImU32 color = 0;    // 0: the text colour, faded
};

struct PlotOptions {
    const char* x_label = "";
    const char* y_label = "";
    bool log_y = false;
    bool fix_y = false;  // use y_min..y_max instead of the data's range
    double y_min = 0, y_max = 1;
    bool fix_x = false;  // use x_min..x_max instead of the data's range (e.g. the whole run ahead)
    double x_min = 0, x_max = 1;
    std::vector<PlotMark> x_marks;  // dashed vertical lines, drawn under the series
    int shade_between[2] = {-1,
                            -1};  // fill the band between these two series (same x), e.g. a gap or +-sigma
    ImU32 shade_color = 0;
    // Further bands, drawn in this order under the lines, e.g. +-2 sigma then +-1 sigma.
    std::vector<PlotBand> bands;
    bool legend_left = false;  // legend in the top-left corner instead of the top-right
    bool legend = true;        // false: no legend box (e.g. the x marks' labels name the series)
};

// Draws the plot in a child region of `size` (x <= 0: full width). Returns true if hovered.
bool LinePlot(const char* id, const char* title, const std::vector<PlotSeries>& series, ImVec2 size,
              const PlotOptions& options = {});

ImU32 PaletteColor(int i);  // a distinct colour per series index

// Shared by the plots: the title line over [p0.x, p1.x), clipped there (a narrow window never lets it run
// into the next plot), with `note` (a count) right-aligned in the disabled colour where it fits after the
// title. Returns how far the frame below it starts.
float DrawPlotTitle(ImDrawList* draw, ImVec2 p0, ImVec2 p1, const char* title, const char* note = nullptr);

// Shared with Histogram: the axes of a 2-D plot. DrawPlotAxes fills [frame_min, frame_max) with the
// background, grid, 1-2-5 ticks and labels, and returns the data area with its mapping. When log_y,
// y0/y1 and the y passed to ToScreen are log10 values.
struct PlotAxes {
    ImVec2 min, max;  // the data area on screen
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    bool log_y = false;
    ImVec2 ToScreen(double x, double y) const;
    double XAt(float screen_x) const;
};
PlotAxes DrawPlotAxes(ImDrawList* draw, ImVec2 frame_min, ImVec2 frame_max, double x0, double x1, double y0,
                      double y1, bool log_y, const char* x_label, const char* y_label);
std::vector<double> NiceTicks(double lo, double hi, int target);
// Shared with Histogram: a plot's screen rectangle at the cursor, from a requested size (x <= 0: full
// width, y <= 0: default_height; at least 80 x 60), taken by an invisible button named `button`.
ImRect PlacePlot(ImVec2 size, float default_height,
                 const char* button);  // multiples of 1, 2 or 5 x 10^k in [lo, hi]

}  // namespace pl::ui
