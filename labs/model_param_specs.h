// A neuron model's parameter table (engine/model_param.h) as a lab's parameter declarations bound to one
// settings field, the values by name, which the model reads back through lookup_of().
#pragma once
#include <map>
#include <string>
#include <vector>
#include "engine/model_param.h"
#include "labs/params.h"

namespace pl {

using ModelValues = std::map<std::string, double>;  // a model parameter's value by name (a choice: its index)

std::vector<ParamSpec> param_specs(
    const std::vector<ModelParam>& table);  // float, int when whole, choice when it has choices
// value(name) = values[name]; throws, as ParamLookup does, for a name not in `values`.
ParamLookup lookup_of(const ModelValues& values);

// The table's parameters, each read into (s.*member)[name].
template <class S>
Fields<S> model_fields(ModelValues S::*member, const std::vector<ModelParam>& table) {
    Fields<S> fields;
    for (ParamSpec& spec : param_specs(table)) {
        const std::string name = spec.name;
        fields.push_back(
            {std::move(spec), [member, name](S& s, const Params& p) { (s.*member)[name] = p.number(name); }});
    }
    return fields;
}

}  // namespace pl
