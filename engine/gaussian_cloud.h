// The 2-D elliptic Gaussian cloud of the Oja exercise (neurodynex's make_cloud): one sample per column, long
// axis sd 1 along `angle_deg`, short axis sd `ratio` (a ratio above 1 is read as 1/ratio), zero mean.
#pragma once
#include <vector>
#include "engine/model_param.h"
#include "engine/rng.h"
#include "engine/tensor.h"

namespace pl {

struct CloudSettings {
    int n = 200;            // points
    double ratio = 0.3;     // sd along the short axis / sd along the long axis
    double angle_deg = 60;  // the long axis's angle to the x axis
};

const std::vector<ModelParam>& cloud_param_table();  // n, ratio, angle
CloudSettings cloud_settings(const ParamLookup& value);

// x = R(angle) (a, ratio b), a, b ~ N(0, 1): 2 x n
Mat make_cloud(Rng& rng, const CloudSettings& settings);

}  // namespace pl
