#include "labs/model_param_specs.h"
#include <stdexcept>

namespace pl {

std::vector<ParamSpec> param_specs(const std::vector<ModelParam>& table) {
    std::vector<ParamSpec> specs;
    for (const ModelParam& p : table)
        specs.push_back(p.choices.empty() ? float_param(p.name, p.def, p.min, p.max, p.unit, p.help)
                                          : choice_param(p.name, p.choices, int(p.def), p.help));
    return specs;
}

ParamLookup lookup_of(const ModelValues& values) {
    return [values](const std::string& name) {
        const auto found = values.find(name);
        if (found == values.end()) throw std::invalid_argument("no model parameter '" + name + "'");
        return found->second;
    };
}

}  // namespace pl
