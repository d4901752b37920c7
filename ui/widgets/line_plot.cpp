// Line plot on ImDrawList, plus the axes shared with the histogram.
#include "ui/widgets/line_plot.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include "ui/export.h"

namespace pl::ui {

namespace {

struct Tick {
    double at;  // in plot units (log10 for a log axis)
    std::string label;
};

std::string Format(const char* format, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string TickLabel(double value, double step) {
    double magnitude = std::abs(value);
    if (magnitude >= 1e5 || (magnitude < 1e-3 && magnitude > 0)) return Format("%g", value);
    int decimals = std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 6);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::vector<Tick> LinearTicks(double lo, double hi, int target) {
    std::vector<double> values = NiceTicks(lo, hi, target);
    double step = values.size() > 1 ? values[1] - values[0] : hi - lo;
    std::vector<Tick> ticks;
    for (double v : values) ticks.push_back({v, TickLabel(v, step)});
    return ticks;
}

// lo/hi are log10 values: ticks at powers of ten, or 1-2-5 ticks when the range is less than two decades.
std::vector<Tick> LogTicks(double lo, double hi, int target) {
    std::vector<Tick> ticks;
    if (hi - lo >= 2) {
        int stride = std::max(1, int(std::ceil((hi - lo) / target)));
        for (int k = int(std::ceil(lo)); k <= int(std::floor(hi)); ++k) {
            if (k % stride == 0) ticks.push_back({double(k), Format("%g", std::pow(10.0, k))});
        }
        return ticks;
    }
    for (const Tick& t : LinearTicks(std::pow(10.0, lo), std::pow(10.0, hi), target)) {
        if (t.at > 0) ticks.push_back({std::log10(t.at), Format("%g", t.at)});
    }
    return ticks;
}

float MaxLabelWidth(const std::vector<Tick>& ticks) {
    float width = 0;
    for (const Tick& t : ticks) width = std::max(width, ImGui::CalcTextSize(t.label.c_str()).x);
    return width;
}

// A series as read by the plot: x defaults to the index, y goes through log10 for a log axis.
struct SeriesView {
    const PlotSeries* series = nullptr;
    int n = 0;
    ImU32 color = 0;
    bool log_y = false;

    double X(int i) const { return series->x ? (*series->x)[i] : double(i); }
    double RawY(int i) const { return (*series->y)[i]; }
    double Y(int i) const {
        double y = RawY(i);
        if (!log_y) return y;
        return y > 0 ? std::log10(y) : std::numeric_limits<double>::quiet_NaN();
    }
    bool Finite(int i) const { return std::isfinite(X(i)) && std::isfinite(Y(i)); }
};

std::vector<SeriesView> MakeViews(const std::vector<PlotSeries>& series, bool log_y) {
    std::vector<SeriesView> views;
    int auto_colors = 0;
    for (const PlotSeries& s : series) {
        SeriesView v;
        v.series = &s;
        if (s.y) v.n = int(s.x ? std::min(s.x->size(), s.y->size()) : s.y->size());
        v.color = s.color ? s.color : PaletteColor(auto_colors++);
        v.log_y = log_y;
        views.push_back(v);
    }
    return views;
}

// Keeps at most four points per pixel column (first, lowest, highest, last), which draws the same line.
std::vector<ImVec2> Decimate(const std::vector<ImVec2>& points) {
    std::vector<ImVec2> out;
    size_t i = 0;
    while (i < points.size()) {
        float column = std::floor(points[i].x);
        size_t last = i, low = i, high = i;
        while (last + 1 < points.size() && std::floor(points[last + 1].x) == column) {
            ++last;
            if (points[last].y < points[low].y) low = last;
            if (points[last].y > points[high].y) high = last;
        }
        out.push_back(points[i]);
        if (last > i) {
            out.push_back(points[std::min(low, high)]);
            out.push_back(points[std::max(low, high)]);
            out.push_back(points[last]);
        }
        i = last + 1;
    }
    return out;
}

void DashedPolyline(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 color, float thickness) {
    const float on = 6, period = 10;
    float phase = 0;  // position inside the on/off pattern
    for (size_t i = 1; i < points.size(); ++i) {
        ImVec2 a = points[i - 1], b = points[i];
        float length = std::hypot(b.x - a.x, b.y - a.y);
        float t = 0;
        while (length > 0) {
            float pattern_left = phase < on ? on - phase : period - phase;
            bool segment_ends = pattern_left >= length - t;
            float step = segment_ends ? length - t : pattern_left;
            if (phase < on) {
                float u0 = t / length, u1 = (t + step) / length;
                draw->AddLine(ImVec2(a.x + (b.x - a.x) * u0, a.y + (b.y - a.y) * u0),
                              ImVec2(a.x + (b.x - a.x) * u1, a.y + (b.y - a.y) * u1), color, thickness);
            }
            t += step;
            phase = std::fmod(phase + step, period);
            if (segment_ends) break;
        }
    }
}

void DrawSeries(ImDrawList* draw, const PlotAxes& axes, const SeriesView& v) {
    const float thickness = 2.0f;
    if (v.series->points) {
        ImVec2 previous(-1e9f, -1e9f);
        for (int i = 0; i < v.n; ++i) {
            if (!v.Finite(i)) continue;
            ImVec2 p = axes.ToScreen(v.X(i), v.Y(i));
            if (std::abs(p.x - previous.x) < 1 && std::abs(p.y - previous.y) < 1) continue;
            draw->AddCircleFilled(p, 2.5f, v.color, 8);
            previous = p;
        }
        return;
    }
    // A line in runs of finite values: NaN/Inf break the line instead of drawing garbage.
    std::vector<ImVec2> run;
    auto flush = [&] {
        if (run.size() == 1) draw->AddCircleFilled(run[0], 1.5f, v.color, 8);
        if (run.size() >= 2) {
            std::vector<ImVec2> line = Decimate(run);
            if (v.series->dashed) {
                DashedPolyline(draw, line, v.color, thickness);
            } else {
                draw->AddPolyline(line.data(), int(line.size()), v.color, ImDrawFlags_None, thickness);
            }
        }
        run.clear();
    };
    for (int i = 0; i < v.n; ++i) {
        if (v.Finite(i)) {
            run.push_back(axes.ToScreen(v.X(i), v.Y(i)));
        } else {
            flush();
        }
    }
    flush();
}

// The band between two series with the same x, one quad per pixel column at most.
void DrawBand(ImDrawList* draw, const PlotAxes& axes, const SeriesView& a, const SeriesView& b, ImU32 color) {
    ImDrawListFlags saved_flags = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;  // no seams between neighbouring quads
    bool have_previous = false;
    ImVec2 previous_a, previous_b;
    int n = std::min(a.n, b.n);
    for (int i = 0; i < n; ++i) {
        if (!a.Finite(i) || !std::isfinite(b.Y(i))) {
            have_previous = false;
            continue;
        }
        ImVec2 pa = axes.ToScreen(a.X(i), a.Y(i));
        ImVec2 pb = axes.ToScreen(a.X(i), b.Y(i));
        if (have_previous && std::abs(pa.x - previous_a.x) < 1 && i + 1 < n) continue;
        if (have_previous) draw->AddQuadFilled(previous_a, pa, pb, previous_b, color);
        previous_a = pa;
        previous_b = pb;
        have_previous = true;
    }
    draw->Flags = saved_flags;
}

void DrawLegendSwatch(ImDrawList* draw, ImVec2 left, float width, const SeriesView& v) {
    ImVec2 right(left.x + width, left.y);
    if (v.series->points) {
        draw->AddCircleFilled(ImVec2(left.x + width / 2, left.y), 3.0f, v.color, 8);
    } else if (v.series->dashed) {
        DashedPolyline(draw, {left, right}, v.color, 2.0f);
    } else {
        draw->AddLine(left, right, v.color, 2.0f);
    }
}

std::string SeriesName(const SeriesView& v, int index) {
    return v.series->name.empty() ? "series " + std::to_string(index) : v.series->name;
}

void DrawLegend(ImDrawList* draw, const PlotAxes& axes, const std::vector<SeriesView>& views, bool left) {
    const float line = ImGui::GetTextLineHeight(), pad = 5, swatch = 18;
    float text_width = 0;
    int rows = 0;
    for (const SeriesView& v : views) {
        if (v.series->name.empty()) continue;
        text_width = std::max(text_width, ImGui::CalcTextSize(v.series->name.c_str()).x);
        ++rows;
    }
    if (rows == 0) return;
    const float width = text_width + swatch + 3 * pad;
    const float x0 = left ? axes.min.x + 6 : axes.max.x - 6 - width;
    ImVec2 min(x0, axes.min.y + 6), max(x0 + width, axes.min.y + 6 + rows * line + 2 * pad);
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_PopupBg, 0.85f));
    draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border));
    float y = min.y + pad;
    for (const SeriesView& v : views) {
        if (v.series->name.empty()) continue;
        DrawLegendSwatch(draw, ImVec2(min.x + pad, y + line / 2), swatch, v);
        draw->AddText(ImVec2(min.x + 2 * pad + swatch, y), ImGui::GetColorU32(ImGuiCol_Text),
                      v.series->name.c_str());
        y += line;
    }
}

void DrawMark(ImDrawList* draw, const PlotAxes& axes, const PlotMark& mark) {
    const float x = axes.ToScreen(mark.x, axes.y0).x;
    const ImU32 faded = ImGui::GetColorU32(ImGuiCol_Text, 0.55f);
    DashedPolyline(draw, {ImVec2(x, axes.min.y), ImVec2(x, axes.max.y)}, faded, 1.0f);
    draw->AddText(ImVec2(x + 3, axes.min.y + 2), mark.color ? mark.color : faded, mark.label.c_str());
}

void CenteredText(ImDrawList* draw, const PlotAxes& axes, const char* text) {
    ImVec2 size = ImGui::CalcTextSize(text);
    ImVec2 at((axes.min.x + axes.max.x - size.x) / 2, (axes.min.y + axes.max.y - size.y) / 2);
    draw->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
}

int NearestIndex(const SeriesView& v, double x) {
    int best = -1;
    double best_distance = std::numeric_limits<double>::infinity();
    for (int i = 0; i < v.n; ++i) {
        double distance = std::abs(v.X(i) - x);
        if (distance < best_distance) {
            best = i;
            best_distance = distance;
        }
    }
    return best;
}

// Vertical crosshair at the nearest x, a marker on each series and a tooltip with their values there.
void DrawHover(ImDrawList* draw, const PlotAxes& axes, const std::vector<SeriesView>& views) {
    ImVec2 mouse = ImGui::GetIO().MousePos;
    if (mouse.x < axes.min.x || mouse.x > axes.max.x || mouse.y < axes.min.y || mouse.y > axes.max.y) return;
    double mouse_x = axes.XAt(mouse.x);
    std::vector<int> nearest;
    double crosshair_x = mouse_x;
    bool snapped = false;
    for (const SeriesView& v : views) {
        nearest.push_back(NearestIndex(v, mouse_x));
        if (!snapped && nearest.back() >= 0) {
            crosshair_x = v.X(nearest.back());
            snapped = true;
        }
    }
    float sx = axes.ToScreen(crosshair_x, axes.y0).x;
    draw->AddLine(ImVec2(sx, axes.min.y), ImVec2(sx, axes.max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.45f));

    ImGui::BeginTooltip();
    ImGui::Text("x = %g", crosshair_x);
    for (size_t k = 0; k < views.size(); ++k) {
        const SeriesView& v = views[k];
        int i = nearest[k];
        if (i < 0 || v.series->name.empty()) continue;  // unnamed series are helpers, e.g. band edges
        if (v.Finite(i)) draw->AddCircle(axes.ToScreen(v.X(i), v.Y(i)), 4.0f, v.color, 12, 2.0f);

        ImVec2 at = ImGui::GetCursorScreenPos();
        float line = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + 2), ImVec2(at.x + 10, at.y + line - 2),
                                                  v.color);
        ImGui::Dummy(ImVec2(10, line));
        ImGui::SameLine();
        ImGui::Text("%s: %.5g", v.series->name.c_str(), v.RawY(i));
        if (v.X(i) != crosshair_x) {
            ImGui::SameLine();
            ImGui::TextDisabled("(x = %g)", v.X(i));
        }
    }
    ImGui::EndTooltip();
}

std::string CsvField(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// Wide (x, one column per series) when all series share their x; long (series, x, y) otherwise.
std::string SeriesCsv(const std::vector<SeriesView>& views) {
    bool same_x = true;
    for (const SeriesView& v : views) {
        const std::vector<double>* x0 = views[0].series->x;
        const std::vector<double>* x = v.series->x;
        if (x != x0 && !(x && x0 && *x == *x0)) same_x = false;
    }
    std::string csv;
    if (!same_x) {
        csv = "series,x,y\n";
        for (size_t k = 0; k < views.size(); ++k) {
            std::string name = CsvField(SeriesName(views[k], int(k)));
            for (int i = 0; i < views[k].n; ++i) {
                csv += name + "," + Format("%.10g", views[k].X(i)) + "," + Format("%.10g", views[k].RawY(i)) +
                       "\n";
            }
        }
        return csv;
    }
    int rows = 0;
    csv = "x";
    for (size_t k = 0; k < views.size(); ++k) {
        csv += "," + CsvField(SeriesName(views[k], int(k)));
        rows = std::max(rows, views[k].n);
    }
    csv += "\n";
    const SeriesView* longest = &views[0];
    for (const SeriesView& v : views) {
        if (v.n > longest->n) longest = &v;
    }
    for (int i = 0; i < rows; ++i) {
        csv += Format("%.10g", longest->X(i));
        for (const SeriesView& v : views) csv += "," + (i < v.n ? Format("%.10g", v.RawY(i)) : std::string());
        csv += "\n";
    }
    return csv;
}

}  // namespace

ImU32 PaletteColor(int i) {
    static const ImU32 palette[] = {
        IM_COL32(31, 119, 180, 255),  IM_COL32(255, 127, 14, 255),  IM_COL32(44, 160, 44, 255),
        IM_COL32(214, 39, 40, 255),   IM_COL32(148, 103, 189, 255), IM_COL32(140, 86, 75, 255),
        IM_COL32(227, 119, 194, 255), IM_COL32(127, 127, 127, 255), IM_COL32(188, 189, 34, 255),
        IM_COL32(23, 190, 207, 255),
    };
    const int count = int(sizeof palette / sizeof palette[0]);
    return palette[((i % count) + count) % count];
}

std::vector<double> NiceTicks(double lo, double hi, int target) {
    std::vector<double> ticks;
    if (!(hi > lo) || !std::isfinite(hi - lo)) return ticks;
    double raw = (hi - lo) / std::max(target, 1);
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double normalized = raw / magnitude;
    double step = (normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10) * magnitude;
    double first = std::ceil(lo / step - 1e-9), last = std::floor(hi / step + 1e-9);
    for (double k = first; k <= last && ticks.size() < 100; ++k) ticks.push_back(k * step + 0.0);  // no -0
    return ticks;
}

ImVec2 PlotAxes::ToScreen(double x, double y) const {
    // Clamped so that far-away values (a fixed y range, a diverged run) stay finite floats.
    double sx = min.x + (x - x0) / (x1 - x0) * (max.x - min.x);
    double sy = max.y - (y - y0) / (y1 - y0) * (max.y - min.y);
    return ImVec2(float(std::clamp(sx, -1e6, 1e6)), float(std::clamp(sy, -1e6, 1e6)));
}

double PlotAxes::XAt(float screen_x) const { return x0 + (screen_x - min.x) / (max.x - min.x) * (x1 - x0); }

PlotAxes DrawPlotAxes(ImDrawList* draw, ImVec2 frame_min, ImVec2 frame_max, double x0, double x1, double y0,
                      double y1, bool log_y, const char* x_label, const char* y_label) {
    const float line = ImGui::GetTextLineHeight();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Text, 0.10f);
    const bool has_x_label = x_label && *x_label, has_y_label = y_label && *y_label;
    draw->AddRectFilled(frame_min, frame_max, ImGui::GetColorU32(ImGuiCol_FrameBg));

    PlotAxes axes;
    axes.x0 = x0, axes.x1 = x1, axes.y0 = y0, axes.y1 = y1, axes.log_y = log_y;

    // Vertical layout first: the y tick labels decide the left margin.
    float top = frame_min.y + (has_y_label ? line + 4 : line / 2 + 2);
    float bottom = std::max(top + 1, frame_max.y - line - 6 - (has_x_label ? line + 2 : 0));
    int y_target = std::max(2, int((bottom - top) / 40));
    std::vector<Tick> y_ticks = log_y ? LogTicks(y0, y1, y_target) : LinearTicks(y0, y1, y_target);
    float left = frame_min.x + MaxLabelWidth(y_ticks) + 10;
    float right = std::max(left + 1, frame_max.x - 12);
    axes.min = ImVec2(left, top);
    axes.max = ImVec2(right, bottom);

    // Fewer x ticks until their labels do not overlap.
    std::vector<Tick> x_ticks;
    for (int x_target = std::max(2, int((right - left) / 70)); x_target >= 2; --x_target) {
        x_ticks = LinearTicks(x0, x1, x_target);
        if ((MaxLabelWidth(x_ticks) + 12) * x_ticks.size() <= right - left) break;
    }

    for (const Tick& t : y_ticks) {
        float y = axes.ToScreen(x0, t.at).y;
        ImVec2 size = ImGui::CalcTextSize(t.label.c_str());
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), grid);
        draw->AddLine(ImVec2(left - 4, y), ImVec2(left, y), text);
        draw->AddText(ImVec2(left - 6 - size.x, y - size.y / 2), text, t.label.c_str());
    }
    for (const Tick& t : x_ticks) {
        float x = axes.ToScreen(t.at, y0).x;
        ImVec2 size = ImGui::CalcTextSize(t.label.c_str());
        float label_x = std::clamp(x - size.x / 2, frame_min.x, frame_max.x - size.x);
        draw->AddLine(ImVec2(x, top), ImVec2(x, bottom), grid);
        draw->AddLine(ImVec2(x, bottom), ImVec2(x, bottom + 4), text);
        draw->AddText(ImVec2(label_x, bottom + 5), text, t.label.c_str());
    }
    draw->AddRect(axes.min, axes.max, ImGui::GetColorU32(ImGuiCol_Text, 0.35f));

    if (has_x_label) {
        float width = ImGui::CalcTextSize(x_label).x;
        draw->AddText(ImVec2((left + right - width) / 2, bottom + line + 7), text, x_label);
    }
    if (has_y_label) draw->AddText(ImVec2(frame_min.x + 4, frame_min.y + 2), text, y_label);
    return axes;
}

ImRect PlacePlot(ImVec2 size, float default_height, const char* button) {
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0) size.y = default_height;
    size = ImVec2(std::max(size.x, 80.0f), std::max(size.y, 60.0f));
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(button, size);
    return ImRect(p0, ImVec2(p0.x + size.x, p0.y + size.y));
}

float DrawPlotTitle(ImDrawList* draw, ImVec2 p0, ImVec2 p1, const char* title, const char* note) {
    const float line = ImGui::GetTextLineHeight();
    const float title_width = ImGui::CalcTextSize(title).x;
    const float note_width = note ? ImGui::CalcTextSize(note).x : 0;
    draw->PushClipRect(p0, ImVec2(p1.x, p0.y + line), true);
    draw->AddText(p0, ImGui::GetColorU32(ImGuiCol_Text), title);
    if (note && p0.x + title_width + ImGui::GetFontSize() + note_width <= p1.x)
        draw->AddText(ImVec2(p1.x - note_width, p0.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), note);
    draw->PopClipRect();
    return line + 3;
}

bool LinePlot(const char* id, const char* title, const std::vector<PlotSeries>& series, ImVec2 size,
              const PlotOptions& options) {
    ImGui::PushID(id);
    const ImRect rect = PlacePlot(size, 220, "##plot");
    const ImVec2 p0 = rect.Min, p1 = rect.Max;
    const bool has_title = title && *title;
    const bool log_y = options.log_y;
    std::vector<SeriesView> views = MakeViews(series, log_y);

    const bool hovered = ImGui::IsItemHovered() && !PngCapturePending();
    std::string csv = ExportMenuOpen("##export") && !views.empty() ? SeriesCsv(views) : "";
    ExportContextMenu("##export", has_title ? title : id, csv, p0, p1);

    // Data range over the finite values (positive ones for a log axis).
    const double inf = std::numeric_limits<double>::infinity();
    double x0 = inf, x1 = -inf, y0 = inf, y1 = -inf;
    int total = 0, finite = 0;
    for (const SeriesView& v : views) {
        for (int i = 0; i < v.n; ++i) {
            ++total;
            if (!v.Finite(i)) continue;
            ++finite;
            x0 = std::min(x0, v.X(i)), x1 = std::max(x1, v.X(i));
            y0 = std::min(y0, v.Y(i)), y1 = std::max(y1, v.Y(i));
        }
    }
    if (finite == 0) {
        x0 = 0, x1 = 1;
        y0 = log_y ? -1 : 0, y1 = 1;
    }
    if (options.fix_x && options.x_max > options.x_min) x0 = options.x_min, x1 = options.x_max;
    if (x1 <= x0) {
        x0 -= 0.5;
        x1 += 0.5;
    }
    const bool fixed = options.fix_y && options.y_max > options.y_min && (!log_y || options.y_min > 0);
    if (fixed) {
        y0 = log_y ? std::log10(options.y_min) : options.y_min;
        y1 = log_y ? std::log10(options.y_max) : options.y_max;
    } else if (finite > 0) {
        double pad = y1 > y0 ? (y1 - y0) * 0.05 : std::max(std::abs(y0) * 0.1, 0.5);
        y0 -= pad, y1 += pad;
    }

    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 frame_min = p0;
    if (has_title) frame_min.y += DrawPlotTitle(draw, p0, p1, title);
    PlotAxes axes =
        DrawPlotAxes(draw, frame_min, p1, x0, x1, y0, y1, log_y, options.x_label, options.y_label);

    draw->PushClipRect(axes.min, axes.max, true);
    std::vector<PlotBand> bands = {{options.shade_between[0], options.shade_between[1], options.shade_color}};
    bands.insert(bands.end(), options.bands.begin(), options.bands.end());
    for (const PlotBand& band : bands) {
        int a = band.lower, b = band.upper;
        if (a < 0 || b < 0 || a >= int(views.size()) || b >= int(views.size())) continue;
        ImU32 faded = (views[a].color & ~IM_COL32_A_MASK) | (64u << IM_COL32_A_SHIFT);
        DrawBand(draw, axes, views[a], views[b], band.color ? band.color : faded);
    }
    for (const PlotMark& mark : options.x_marks) DrawMark(draw, axes, mark);
    for (const SeriesView& v : views) DrawSeries(draw, axes, v);
    draw->PopClipRect();

    if (total == 0) CenteredText(draw, axes, "no data yet");
    if (total > 0 && finite == 0) CenteredText(draw, axes, "no finite data");
    if (finite > 0 && options.legend) DrawLegend(draw, axes, views, options.legend_left);
    if (hovered && finite > 0) {
        draw->PushClipRect(axes.min, axes.max, true);
        DrawHover(draw, axes, views);
        draw->PopClipRect();
    }

    ImGui::PopID();
    return hovered;
}

}  // namespace pl::ui
