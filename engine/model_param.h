// A neuron model's parameter table (name, unit, default, range, help): the one declaration of its physical
// constants, from which a lab builds its parameter list; ParamLookup hands the chosen values to the model.
#pragma once
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pl {

struct ModelParam {
    std::string name;  // the URL/CLI key, e.g. "tau_mem"
    std::string unit;  // "ms", "mV", ... ("" for a choice)
    double def = 0;    // default (a choice: the index of the default choice)
    double min = 0, max = 1;
    std::string help;                  // one line
    std::vector<std::string> choices;  // not empty: a choice, whose value is the index of the chosen name
    bool whole = false;                // a count: only whole numbers are taken
};

// The value of parameter `name` (a choice: its index); throws for a name it does not know.
using ParamLookup = std::function<double(const std::string& name)>;

// Every parameter at its default.
inline ParamLookup defaults_of(const std::vector<ModelParam>& table) {
    return [table](const std::string& name) {
        for (const ModelParam& p : table)
            if (p.name == name) return p.def;
        throw std::invalid_argument("no model parameter '" + name + "'");
    };
}

}  // namespace pl
