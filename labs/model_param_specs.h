// A neuron model's parameter table (engine/model_param.h) as a lab's parameter declarations, and the lab's
// current values handed back to the model by name.
#pragma once
#include <vector>
#include "engine/model_param.h"
#include "labs/params.h"

namespace pl {

std::vector<ParamSpec> param_specs(
    const std::vector<ModelParam>& table);       // float, or choice when it has choices
ParamLookup param_lookup(const Params& params);  // value(name) = params.number(name): a choice's index

}  // namespace pl
