// Data augmentation of images (one per column, row-major pixels in 0..1): a random shift, a small rotation,
// an elastic distortion (Simard et al. 2003) and pixel noise, all drawn from the caller's Rng.
#pragma once
#include "engine/rng.h"
#include "engine/tensor.h"

namespace pl {

struct AugmentOptions {
    double shift = 2;          // pixels: each axis shifted by U(-shift, shift)
    double rotation = 10;      // degrees: rotated by U(-rotation, rotation) about the centre
    double elastic = 0;        // alpha, pixels: displacement = alpha * (Gaussian-smoothed U(-1, 1) field)
    double elastic_sigma = 4;  // pixels: width of that Gaussian
    double noise = 0;          // sd of N(0, noise^2) added to every pixel, then clipped to [0, 1]
};

// Each column of `images` (width * height rows) warped and noised independently; same Rng state, same output.
Mat augment(const Mat& images, int width, int height, const AugmentOptions& options, Rng& rng);

}  // namespace pl
