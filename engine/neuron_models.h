// The neuron models a lab can choose, by name: each gives its parameter table (the lab's parameter list is
// built from it) and makes a SpikingLayer from the chosen values. find() refuses an unknown name.
#pragma once
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/spiking_layer.h"
#include "engine/table.h"

namespace pl {

struct NeuronModel {
    const std::vector<ModelParam>& (*params)();  // name, unit, default, range, help of each parameter
    // A layer of `out` neurons reading `in` inputs, with the parameters' values, stepping by dt_ms
    std::unique_ptr<SpikingLayer> (*make)(int in, int out, const ParamLookup& value, double dt_ms);
};

const Table<NeuronModel>& neuron_table();  // "lif"

}  // namespace pl
