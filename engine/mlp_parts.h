// What learning rules read from an Mlp besides linears(): its hidden nonlinearities and its layer sizes.
// Both require the Linear, Activation, ..., Linear layout of mlp.h and throw std::invalid_argument otherwise.
#pragma once
#include <vector>
#include "engine/mlp.h"

namespace pl {

std::vector<Activation*> activations(Mlp& net);  // activations(net)[k] follows linears()[k]
std::vector<int> layer_sizes(const Mlp& net);    // {in, hidden..., out}

}  // namespace pl
