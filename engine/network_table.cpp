#include "engine/brunel_network.h"
#include "engine/cuba_network.h"

namespace pl {

const Table<SpikingNetworkModel>& network_table() {
    static const Table<SpikingNetworkModel> table(
        "network",
        {
            {"cuba",
             "Brette et al. 2007's CUBA benchmark: 4000 LIF, exponential current synapses (Brian2's example)",
             {&CubaNetwork::params,
              [](const ParamLookup& value) -> std::unique_ptr<SpikingNetwork> {
                  return std::make_unique<CubaNetwork>(CubaNetwork::settings_from(value));
              }}},
            {"brunel",
             "Brunel 2000 model A: delta synapses, delay 1.5 ms, external Poisson drive; regimes by g and "
             "nu_ext",
             {&BrunelNetwork::params,
              [](const ParamLookup& value) -> std::unique_ptr<SpikingNetwork> {
                  return std::make_unique<BrunelNetwork>(BrunelNetwork::settings_from(value));
              }}},
        });
    return table;
}

}  // namespace pl
