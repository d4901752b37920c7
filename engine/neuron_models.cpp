#include "engine/neuron_models.h"
#include "engine/lif_layer.h"

namespace pl {

const Table<NeuronModel>& neuron_table() {
    static const Table<NeuronModel> table(
        "neuron model", {
                            {"lif",
                             "leaky integrate-and-fire, alpha-shaped synaptic current, exact propagator",
                             {lif_param_table, make_lif}},
                        });
    return table;
}

}  // namespace pl
