// Random warps of digit images: inverse mapping with bilinear sampling, zero outside the image.
#include "engine/augment.h"
#include <algorithm>
#include <cmath>
#include <numbers>
#include "engine/math.h"

namespace pl {

namespace {

// G(i, k) = exp(-(i - k)^2 / 2 sigma^2) / (sqrt(2 pi) sigma): G U G^T smooths U with a 2-D Gaussian
Mat gaussian_smoother(int n, double sigma) {
    const double norm = 1 / (std::sqrt(2 * std::numbers::pi) * sigma);
    return Mat::NullaryExpr(n, n, [&](Eigen::Index i, Eigen::Index k) {
        return norm * pl::exp(-double((i - k) * (i - k)) / (2 * sigma * sigma));
    });
}

// The image (row-major pixels) at the real-valued position (y, x), bilinear, 0 outside
double sample(const Eigen::Ref<const Vec>& image, int width, int height, double y, double x) {
    const int y0 = int(std::floor(y)), x0 = int(std::floor(x));
    const double fy = y - y0, fx = x - x0;
    auto pixel = [&](int r, int c) {
        return r < 0 || r >= height || c < 0 || c >= width ? 0.0 : image(r * width + c);
    };
    return (1 - fy) * ((1 - fx) * pixel(y0, x0) + fx * pixel(y0, x0 + 1)) +
           fy * ((1 - fx) * pixel(y0 + 1, x0) + fx * pixel(y0 + 1, x0 + 1));
}

}  // namespace

Mat augment(const Mat& images, int width, int height, const AugmentOptions& options, Rng& rng) {
    const Mat smooth_rows = gaussian_smoother(height, options.elastic_sigma);
    const Mat smooth_cols = gaussian_smoother(width, options.elastic_sigma);
    const double cy = (height - 1) / 2.0, cx = (width - 1) / 2.0;
    Mat out(images.rows(), images.cols());
    for (Eigen::Index j = 0; j < images.cols(); ++j) {
        const double angle = rng.uniform(-options.rotation, options.rotation) * std::numbers::pi / 180;
        const double ty = rng.uniform(-options.shift, options.shift);
        const double tx = rng.uniform(-options.shift, options.shift);
        // elastic displacement fields: d = alpha * G U G^T, U ~ U(-1, 1) per pixel
        Mat dy = Mat::Zero(height, width), dx = Mat::Zero(height, width);
        if (options.elastic > 0) {
            auto field = [&] { return rng.uniform(-1, 1); };
            dy = options.elastic * smooth_rows * Mat::NullaryExpr(height, width, field) *
                 smooth_cols.transpose();
            dx = options.elastic * smooth_rows * Mat::NullaryExpr(height, width, field) *
                 smooth_cols.transpose();
        }
        // source = R(-angle) (p - centre - t) + centre + d(p): where output pixel p takes its value from
        const double c = pl::cos(angle), s = pl::sin(angle);
        for (int r = 0; r < height; ++r)
            for (int k = 0; k < width; ++k) {
                const double py = r - cy - ty, px = k - cx - tx;
                const double sy = c * py - s * px + cy + dy(r, k);
                const double sx = s * py + c * px + cx + dx(r, k);
                out(r * width + k, j) = sample(images.col(j), width, height, sy, sx);
            }
        // pixel noise: x + N(0, noise^2), clipped to [0, 1]
        if (options.noise > 0)
            out.col(j) =
                (out.col(j) + Vec::NullaryExpr(out.rows(), [&] { return rng.normal(0, options.noise); }))
                    .cwiseMax(0)
                    .cwiseMin(1);
    }
    return out;
}

}  // namespace pl
