// Read access to an Mlp's activations and sizes, with a check of the layout learning rules rely on.
#include "engine/mlp_parts.h"
#include <stdexcept>

namespace pl {

// Linear at even positions, Activation at odd ones, Linear last
static void check_layout(const Mlp& net) {
    bool ok = net.layers.size() % 2 == 1;
    for (size_t i = 0; ok && i < net.layers.size(); ++i) {
        const Layer* layer = net.layers[i].get();
        ok = i % 2 == 0 ? dynamic_cast<const Linear*>(layer) != nullptr
                        : dynamic_cast<const Activation*>(layer) != nullptr;
    }
    if (!ok) throw std::invalid_argument("learning rule: the net must be Linear, Activation, ..., Linear");
}

std::vector<Activation*> activations(Mlp& net) {
    check_layout(net);
    std::vector<Activation*> result;
    for (size_t i = 1; i < net.layers.size(); i += 2)
        result.push_back(static_cast<Activation*>(net.layers[i].get()));
    return result;
}

std::vector<int> layer_sizes(const Mlp& net) {
    check_layout(net);
    std::vector<int> sizes = {static_cast<const Linear*>(net.layers[0].get())->in()};
    for (size_t i = 0; i < net.layers.size(); i += 2)
        sizes.push_back(static_cast<const Linear*>(net.layers[i].get())->out());
    return sizes;
}

}  // namespace pl
