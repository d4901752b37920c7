// Grid of small images (e.g. first-layer weights as 28x28 tiles), one image per column of `images`.
// Weights use a diverging blue-white-red map symmetric around 0; pixels (0..1) use grey. Right-click exports.
#pragma once
#include <imgui.h>
#include <Eigen/Dense>
#include <string>
#include <vector>

namespace pl::ui {

enum class ImageColors { Grey, Diverging };

// images: (width*height) x count, row-major pixels per column. Each tile is `tile` pixels wide on screen.
// captions (optional): one line of text under each tile. changed = false: `images` are those of the last call
// with this id, so the texture is kept (a live view recolours only when it copies new images). Returns the
// index of the hovered tile or -1.
int ImageGrid(const char* id, const Eigen::MatrixXf& images, int width, int height, int columns, float tile,
              ImageColors colors, const std::vector<std::string>& captions = {}, bool changed = true);

// Shared with DrawingPad: an OpenGL RGBA texture kept per `id` and re-uploaded from `pixels` (width*height
// IM_COL32 values, row-major) on every call; smooth = linear filtering. Unused textures are freed later.
// pixels = nullptr keeps the texture's contents if it has this size and filtering, else returns 0.
// (A texture, not one rect per pixel: WebGL has no vertex offsets, so one window's draw list must stay
// under 65536 vertices, which 64 tiles of 28x28 rects would exceed.)
ImTextureID PixelTexture(ImGuiID id, int width, int height, const ImU32* pixels, bool smooth);

}  // namespace pl::ui
