#include "engine/json.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace pl {

Json json_number(double v, int significant_digits) {
    if (!std::isfinite(v)) return nullptr;
    char text[40];
    std::snprintf(text, sizeof text, "%.*g", significant_digits, v);
    const double rounded =
        std::strtod(text, nullptr);  // nlohmann then writes its shortest form: the same digits
    if (rounded == std::trunc(rounded) && std::fabs(rounded) < 1e15) return static_cast<long long>(rounded);
    return rounded;
}

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace pl
