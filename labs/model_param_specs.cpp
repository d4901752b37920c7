#include "labs/model_param_specs.h"
#include <stdexcept>

namespace pl {

std::vector<ParamSpec> param_specs(const std::vector<ModelParam>& table) {
    std::vector<ParamSpec> specs;
    for (const ModelParam& p : table)
        if (!p.choices.empty())
            specs.push_back(choice_param(p.name, p.choices, int(p.def), p.help));
        else if (p.whole)
            specs.push_back(int_param(p.name, int(p.def), int(p.min), int(p.max), p.help));
        else
            specs.push_back(float_param(p.name, p.def, p.min, p.max, p.unit, p.help));
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
