// The table of point-neuron models behind engine/point_neuron.h: one line per model file.
#include "engine/adex_neuron.h"
#include "engine/hodgkin_huxley.h"
#include "engine/izhikevich_neuron.h"
#include "engine/lif_neuron.h"
#include "engine/point_neuron.h"

namespace pl {

namespace {
const std::vector<NeuronPreset>& no_presets() {
    static const std::vector<NeuronPreset> none;
    return none;
}
}  // namespace

const Table<PointNeuronModel>& point_neuron_table() {
    static const Table<PointNeuronModel> table(
        "neuron model", {
                            {"lif",
                             "leaky integrate-and-fire: exact propagator, refractory period",
                             {lif_neuron_param_table, "pA", make_lif_neurons, no_presets, lif_rate_hz_of}},
                            {"adex",
                             "adaptive exponential integrate-and-fire (Brette & Gerstner 2005)",
                             {adex_param_table, "pA", make_adex_neurons, adex_presets}},
                            {"izhikevich",
                             "Izhikevich 2003 simple model (net.m numerics)",
                             {izhikevich_param_table, "a.u.", make_izhikevich_neurons, izhikevich_presets}},
                            {"hh",
                             "Hodgkin-Huxley squid axon (hh.mod rates, exponential Euler)",
                             {hh_param_table, "uA/cm^2", make_hodgkin_huxley, no_presets}},
                        });
    return table;
}

}  // namespace pl
