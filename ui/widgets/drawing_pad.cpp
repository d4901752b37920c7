// Drawing pad: a soft brush on a 112x112 canvas, rasterized MNIST-style to 28x28.
#include "ui/widgets/drawing_pad.h"
#include <algorithm>
#include <cmath>
#include <vector>
#include "ui/widgets/image_grid.h"

namespace pl::ui {

namespace {

// Brush radii in canvas pixels: full ink inside `inner`, fading to nothing at `outer`.
const float kBrushInner = 4.0f, kBrushOuter = 7.0f;

void Stamp(Eigen::MatrixXf& canvas, ImVec2 center) {
    const int n = int(canvas.rows());
    int x0 = std::max(0, int(center.x - kBrushOuter)), x1 = std::min(n - 1, int(center.x + kBrushOuter));
    int y0 = std::max(0, int(center.y - kBrushOuter)), y1 = std::min(n - 1, int(center.y + kBrushOuter));
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            float d = std::hypot(x + 0.5f - center.x, y + 0.5f - center.y);
            float ink = std::clamp((kBrushOuter - d) / (kBrushOuter - kBrushInner), 0.0f, 1.0f);
            canvas(y, x) = std::max(canvas(y, x), ink);
        }
    }
}

// Stamps every canvas pixel along the segment, so fast strokes stay continuous.
void Stroke(Eigen::MatrixXf& canvas, ImVec2 from, ImVec2 to) {
    float length = std::hypot(to.x - from.x, to.y - from.y);
    int steps = std::max(1, int(std::ceil(length)));
    for (int s = 1; s <= steps; ++s) {
        float t = float(s) / steps;
        Stamp(canvas, ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
    }
}

// out x in matrix averaging input pixels into output pixels by overlapping area (rows sum to 1).
Eigen::MatrixXf AreaResize(int out, int in) {
    Eigen::MatrixXf m = Eigen::MatrixXf::Zero(out, in);
    const float ratio = float(in) / out;  // input pixels per output pixel
    for (int i = 0; i < out; ++i) {
        float a = i * ratio, b = (i + 1) * ratio;
        for (int k = int(a); k < std::min(in, int(std::ceil(b))); ++k) {
            m(i, k) = (std::min(b, k + 1.0f) - std::max(a, float(k))) / ratio;
        }
    }
    return m;
}

ImTextureID GreyTexture(ImGuiID id, const Eigen::MatrixXf& pixels, bool smooth) {
    std::vector<ImU32> rgba(size_t(pixels.size()));
    for (int y = 0; y < pixels.rows(); ++y) {
        for (int x = 0; x < pixels.cols(); ++x) {
            int level = int(std::lround(std::clamp(pixels(y, x), 0.0f, 1.0f) * 255));
            rgba[size_t(y * pixels.cols() + x)] = IM_COL32(level, level, level, 255);
        }
    }
    return PixelTexture(id, int(pixels.cols()), int(pixels.rows()), rgba.data(), smooth);
}

}  // namespace

void DrawingPad::Clear() {
    canvas_.setZero();
    image_.setZero();
    empty_ = true;
    last_ = ImVec2(-1, -1);
}

bool DrawingPad::Draw(const char* id, float size) {
    ImGui::PushID(id);
    bool changed = false;
    const float n = float(canvas_.rows());

    ImGui::BeginGroup();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + size, p0.y + size);
    ImGui::InvisibleButton("##pad", ImVec2(size, size),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);

    // Right-click clears.
    if (ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && !empty_) {
        Clear();
        changed = true;
    }
    // Left drag paints, from the last mouse position to this one (clamped to the pad).
    if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        ImVec2 mouse = ImGui::GetIO().MousePos;
        ImVec2 at(std::clamp((mouse.x - p0.x) / size * n, 0.0f, n),
                  std::clamp((mouse.y - p0.y) / size * n, 0.0f, n));
        bool starting = last_.x < 0;
        if (starting || at.x != last_.x || at.y != last_.y) {
            Stroke(canvas_, starting ? at : last_, at);
            Rasterize();
            changed = true;
        }
        last_ = at;
    } else {
        last_ = ImVec2(-1, -1);
    }

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p0, p1, IM_COL32(0, 0, 0, 255));
    draw->AddImage(GreyTexture(ImGui::GetID("##canvas"), canvas_, true), p0, p1);
    draw->AddRect(p0, p1, ImGui::GetColorU32(ImGuiCol_Border));
    if (empty_) {
        const char* hint = "draw a digit here";
        ImVec2 text = ImGui::CalcTextSize(hint);
        draw->AddText(ImVec2((p0.x + p1.x - text.x) / 2, (p0.y + p1.y - text.y) / 2),
                      IM_COL32(255, 255, 255, 110), hint);
    }
    if (ImGui::Button("Clear")) {
        Clear();
        changed = true;
    }
    ImGui::EndGroup();

    // What the network sees.
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextDisabled("28x28 input");
    Eigen::MatrixXf preview =
        Eigen::Map<const Eigen::Matrix<double, 28, 28, Eigen::RowMajor>>(image_.data()).cast<float>();
    float preview_size = size >= 150 ? 84.0f : 56.0f;
    ImGui::Image(GreyTexture(ImGui::GetID("##preview"), preview, false), ImVec2(preview_size, preview_size),
                 ImVec2(0, 0), ImVec2(1, 1), ImVec4(1, 1, 1, 1), ImGui::GetStyleColorVec4(ImGuiCol_Border));
    ImGui::EndGroup();

    ImGui::PopID();
    return changed;
}

void DrawingPad::Rasterize() {
    // Bounding box of the ink.
    const auto ink = (canvas_.array() > 0.0f).eval();
    const auto ink_rows = ink.rowwise().any().eval();
    const auto ink_cols = ink.colwise().any().eval();
    if (!ink_rows.any()) {
        image_.setZero();
        empty_ = true;
        return;
    }
    int r0 = 0, r1 = int(ink_rows.size()) - 1, c0 = 0, c1 = int(ink_cols.size()) - 1;
    while (!ink_rows(r0)) ++r0;
    while (!ink_rows(r1)) --r1;
    while (!ink_cols(c0)) ++c0;
    while (!ink_cols(c1)) --c1;
    const int h = r1 - r0 + 1, w = c1 - c0 + 1;

    // Scale the longer side to 20 pixels (aspect kept) by area averaging; full-strength ink like MNIST.
    const float scale = 20.0f / float(std::max(h, w));
    const int out_h = std::max(1, int(std::lround(h * scale))),
              out_w = std::max(1, int(std::lround(w * scale)));
    Eigen::MatrixXf box =
        AreaResize(out_h, h) * canvas_.block(r0, c0, h, w) * AreaResize(out_w, w).transpose();
    box /= box.maxCoeff();

    // Place it in 28x28 so that its centre of mass lands on the centre (14, 14).
    const Eigen::VectorXf centres_y = Eigen::VectorXf::LinSpaced(out_h, 0.5f, out_h - 0.5f);
    const Eigen::VectorXf centres_x = Eigen::VectorXf::LinSpaced(out_w, 0.5f, out_w - 0.5f);
    const float mass = box.sum();
    const float cy = box.rowwise().sum().dot(centres_y) / mass;
    const float cx = box.colwise().sum().transpose().dot(centres_x) / mass;
    const int top = std::clamp(int(std::lround(14 - cy)), 0, 28 - out_h);
    const int left = std::clamp(int(std::lround(14 - cx)), 0, 28 - out_w);

    Eigen::MatrixXf image = Eigen::MatrixXf::Zero(28, 28);
    image.block(top, left, out_h, out_w) = box;
    Eigen::Map<Eigen::Matrix<double, 28, 28, Eigen::RowMajor>>(image_.data()) = image.cast<double>();
    empty_ = false;
}

}  // namespace pl::ui
