#include "labs/model_param_specs.h"

namespace pl {

std::vector<ParamSpec> param_specs(const std::vector<ModelParam>& table) {
    std::vector<ParamSpec> specs;
    for (const ModelParam& p : table)
        specs.push_back(p.choices.empty() ? float_param(p.name, p.def, p.min, p.max, p.unit, p.help)
                                          : choice_param(p.name, p.choices, int(p.def), p.help));
    return specs;
}

ParamLookup param_lookup(const Params& params) {
    return [&params](const std::string& name) { return params.number(name); };
}

}  // namespace pl
