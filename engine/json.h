// JSON for every writer and reader in the project: nlohmann's ordered_json (keys keep the order written),
// numbers at a fixed number of significant digits (integral values without ".0", NaN/Inf as null).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace pl {

using Json = nlohmann::ordered_json;

Json json_number(double v, int significant_digits = 9);  // null for NaN/Inf; 2, not 2.0
std::string dump(const Json& json);                      // compact; UTF-8 kept, invalid bytes -> U+FFFD

}  // namespace pl
