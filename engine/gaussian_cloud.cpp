#include "engine/gaussian_cloud.h"
#include <cmath>
#include <numbers>
#include "engine/math.h"

namespace pl {

const std::vector<ModelParam>& cloud_param_table() {
    const CloudSettings d;  // the defaults
    static const std::vector<ModelParam> table = {
        {"n", "", double(d.n), 10, 100000, "points in the cloud", {}, true},
        {"ratio", "", d.ratio, 0.01, 100, "sd along the short axis / sd along the long axis", {}},
        {"angle", "deg", d.angle_deg, -180, 180, "angle of the long axis to the x axis", {}},
    };
    return table;
}

CloudSettings cloud_settings(const ParamLookup& value) {
    CloudSettings s;
    s.n = int(value("n"));
    s.ratio = value("ratio");
    s.angle_deg = value("angle");
    return s;
}

// x = R(angle) (a, ratio b)^T with a, b ~ N(0, 1)
Mat make_cloud(Rng& rng, const CloudSettings& settings) {
    const double ratio = settings.ratio > 1 ? 1 / settings.ratio : settings.ratio;
    const double radians = settings.angle_deg * std::numbers::pi / 180;
    Mat ab(2, settings.n);
    for (int i = 0; i < settings.n; ++i) ab.col(i) << rng.normal(), ratio * rng.normal();
    Mat rotation(2, 2);  // dynamic: GCC 12 warns (falsely) on AVX loads from a fixed 2 x 2
    rotation << pl::cos(radians), -pl::sin(radians), pl::sin(radians), pl::cos(radians);
    return rotation * ab;
}

}  // namespace pl
