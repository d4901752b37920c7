// A pad the user draws a digit on with the mouse; image() gives it MNIST-style as 28x28 in 0..1:
// the stroke's bounding box scaled to fit 20x20 (aspect kept), then centred by centre of mass in 28x28.
#pragma once
#include <imgui.h>
#include <Eigen/Dense>

namespace pl::ui {

class DrawingPad {
public:
    // Draws the pad (size x size screen pixels) and a Clear button. Returns true when the image changed.
    bool Draw(const char* id, float size = 196.0f);
    void Clear();
    const Eigen::VectorXd& image() const { return image_; }  // 784 values, row-major, 0..1
    bool empty() const { return empty_; }

private:
    void Rasterize();
    Eigen::MatrixXf canvas_ = Eigen::MatrixXf::Zero(112, 112);  // the stroke at 4x resolution (row = y)
    Eigen::VectorXd image_ = Eigen::VectorXd::Zero(784);
    bool empty_ = true;
    ImVec2 last_{-1, -1};
};

}  // namespace pl::ui
