// Grid of small images. The pixels are coloured into one atlas texture per grid and each tile is one
// AddImage: cheap to draw, and within WebGL's 65536-vertex limit per draw list.
#include "ui/widgets/image_grid.h"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <unordered_map>
#include "ui/export.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <GL/gl.h>
#endif

namespace pl::ui {

namespace {

struct Texture {
    GLuint name = 0;
    int width = 0, height = 0;
    bool smooth = false;
    int last_used = 0;  // ImGui frame count
};

std::unordered_map<ImGuiID, Texture>& Textures() {
    static std::unordered_map<ImGuiID, Texture> textures;
    return textures;
}

// Textures of widgets not drawn for a few seconds (closed window, finished lab) are deleted.
void FreeUnusedTextures(int frame) {
    auto& textures = Textures();
    for (auto it = textures.begin(); it != textures.end();) {
        if (frame - it->second.last_used > 300) {
            glDeleteTextures(1, &it->second.name);
            it = textures.erase(it);
        } else {
            ++it;
        }
    }
}

ImU32 Mix(ImVec4 a, ImVec4 b, double t) {
    float u = float(std::clamp(t, 0.0, 1.0));
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u, a.z + (b.z - a.z) * u, 1.0f));
}

// t in [-1, 1]: blue - white - red.
ImU32 DivergingColor(double t) {
    const ImVec4 blue(0.13f, 0.40f, 0.67f, 1), white(0.97f, 0.97f, 0.97f, 1), red(0.70f, 0.09f, 0.17f, 1);
    return t < 0 ? Mix(white, blue, -t) : Mix(white, red, t);
}

ImU32 GreyColor(double v) {
    int level = int(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    return IM_COL32(level, level, level, 255);
}

const ImU32 kNotFinite = IM_COL32(255, 0, 255, 255);  // a diverged weight stands out

// Largest finite |value| of a tile: each tile gets its own colour scale.
double TileScale(const Eigen::MatrixXf& images, int tile) {
    auto finite_abs = [](double v) { return std::isfinite(v) ? std::abs(v) : 0.0; };
    double scale = images.col(tile).unaryExpr(finite_abs).maxCoeff();
    return scale > 0 ? scale : 1.0;
}

std::string GridCsv(const Eigen::MatrixXf& images, const std::vector<std::string>& captions) {
    std::string csv = captions.empty() ? "tile" : "tile,caption";
    for (int p = 0; p < images.rows(); ++p) csv += ",p" + std::to_string(p);
    csv += "\n";
    char number[32];
    for (int i = 0; i < images.cols(); ++i) {
        csv += std::to_string(i);
        if (!captions.empty()) {
            csv += ",\"";  // quoted, with quotes doubled
            for (char ch : i < int(captions.size()) ? captions[size_t(i)] : std::string()) {
                csv += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            }
            csv += "\"";
        }
        for (int p = 0; p < images.rows(); ++p) {
            std::snprintf(number, sizeof number, ",%.6g", images(p, i));
            csv += number;
        }
        csv += "\n";
    }
    return csv;
}

}  // namespace

ImTextureID PixelTexture(ImGuiID id, int width, int height, const ImU32* pixels, bool smooth) {
    const int frame = ImGui::GetFrameCount();
    FreeUnusedTextures(frame);
    Texture& texture = Textures()[id];
    texture.last_used = frame;
    const bool same =
        texture.name != 0 && texture.width == width && texture.height == height && texture.smooth == smooth;
    if (!pixels) return same ? reinterpret_cast<ImTextureID>(intptr_t(texture.name)) : ImTextureID(0);

    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    if (texture.name == 0) glGenTextures(1, &texture.name);
    glBindTexture(GL_TEXTURE_2D, texture.name);
    if (texture.width != width || texture.height != height || texture.smooth != smooth) {
        GLint filter = smooth ? GL_LINEAR : GL_NEAREST;
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        texture.width = width;
        texture.height = height;
        texture.smooth = smooth;
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    }
    glBindTexture(GL_TEXTURE_2D, GLuint(previous));
    return reinterpret_cast<ImTextureID>(intptr_t(texture.name));
}

int ImageGrid(const char* id, const Eigen::MatrixXf& images, int width, int height, int columns, float tile,
              ImageColors colors, const std::vector<std::string>& captions, bool changed) {
    const int count = int(images.cols());
    if (count == 0 || width <= 0 || height <= 0 || images.rows() != width * height) {
        if (count == 0) {
            ImGui::TextDisabled("no images yet");
        } else {
            ImGui::TextDisabled("image size does not match %d x %d", width, height);
        }
        return -1;
    }
    ImGui::PushID(id);
    columns = std::clamp(columns, 1, count);
    const int rows = (count + columns - 1) / columns;
    // Each cell is as wide as the tile or its widest caption; the tile is centred in it.
    const float gap = 4, line = ImGui::GetTextLineHeight();
    const float caption_height = captions.empty() ? 0 : line + 1;
    float cell_width = tile;
    for (const std::string& caption : captions) {
        cell_width =
            std::max(cell_width, ImGui::CalcTextSize(caption.c_str()).x + ImGui::GetStyle().ItemSpacing.x);
    }
    const float inset = (cell_width - tile) / 2;
    const ImVec2 cell(cell_width + gap, tile + caption_height + gap);
    const ImVec2 size(columns * cell.x - gap, rows * cell.y - gap);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);

    ImGui::InvisibleButton("##grid", size);
    const bool hovered = ImGui::IsItemHovered() && !PngCapturePending();
    std::string csv = ExportMenuOpen("##export") ? GridCsv(images, captions) : "";
    ExportContextMenu("##export", id, csv, p0, p1);

    // Colour every tile into the atlas (unless unchanged): tile i sits at column i % columns, row i /
    // columns.
    const int atlas_width = columns * width, atlas_height = rows * height;
    const ImGuiID texture_id = ImGui::GetID("##texture");
    ImTextureID texture =
        changed ? ImTextureID(0) : PixelTexture(texture_id, atlas_width, atlas_height, nullptr, false);
    std::vector<ImU32> atlas(texture ? 0 : size_t(atlas_width) * size_t(atlas_height),
                             IM_COL32(0, 0, 0, 255));
    for (int i = 0; i < count && !texture; ++i) {
        const double scale = colors == ImageColors::Diverging ? TileScale(images, i) : 1.0;
        const int left = (i % columns) * width, top = (i / columns) * height;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                double v = images(y * width + x, i);
                ImU32 color = !std::isfinite(v)                  ? kNotFinite
                              : colors == ImageColors::Diverging ? DivergingColor(v / scale)
                                                                 : GreyColor(v);
                atlas[size_t(top + y) * size_t(atlas_width) + size_t(left + x)] = color;
            }
        }
    }
    if (!texture) texture = PixelTexture(texture_id, atlas_width, atlas_height, atlas.data(), false);

    // Tiles and captions.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
    for (int i = 0; i < count; ++i) {
        const int column = i % columns, row = i / columns;
        ImVec2 a(p0.x + column * cell.x + inset, p0.y + row * cell.y);
        ImVec2 b(a.x + tile, a.y + tile);
        ImVec2 uv0(float(column) / columns, float(row) / rows);
        ImVec2 uv1(float(column + 1) / columns, float(row + 1) / rows);
        draw->AddImage(texture, a, b, uv0, uv1);
        if (i < int(captions.size())) {
            const char* caption = captions[size_t(i)].c_str();
            float x = a.x + (tile - ImGui::CalcTextSize(caption).x) / 2;
            draw->AddText(ImVec2(x, b.y + 1), text_color, caption);
        }
    }

    // Hover: the tile (its caption included) under the mouse, and the pixel when over the image.
    int hovered_tile = -1;
    if (hovered) {
        ImVec2 mouse = ImGui::GetIO().MousePos;
        float rx = mouse.x - p0.x, ry = mouse.y - p0.y;
        int column = int(rx / cell.x), row = int(ry / cell.y);
        float in_x = rx - column * cell.x - inset, in_y = ry - row * cell.y;  // relative to the tile
        int i = row * columns + column;
        if (rx >= 0 && ry >= 0 && column < columns && i < count && in_x >= 0 && in_x < tile &&
            in_y < tile + caption_height) {
            hovered_tile = i;
            ImVec2 a(p0.x + column * cell.x + inset, p0.y + row * cell.y);
            draw->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(a.x + tile + 1, a.y + tile + 1), text_color);
            ImGui::BeginTooltip();
            ImGui::Text("tile %d", i);
            if (i < int(captions.size())) ImGui::TextUnformatted(captions[size_t(i)].c_str());
            if (in_y < tile) {
                int px = std::min(int(in_x / tile * width), width - 1);
                int py = std::min(int(in_y / tile * height), height - 1);
                ImGui::Text("pixel (x %d, y %d) = %.4g", px, py, images(py * width + px, i));
            }
            if (colors == ImageColors::Diverging)
                ImGui::TextDisabled("colour scale: max |w| = %.4g", TileScale(images, i));
            ImGui::EndTooltip();
        }
    }
    ImGui::PopID();
    return hovered_tile;
}

}  // namespace pl::ui
