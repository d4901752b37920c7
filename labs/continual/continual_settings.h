// The settings of a continual-learning run (Lab 6), one field per parameter; continual_fields() in
// continual_lab.cpp declares each one's name, default, range and help.
#pragma once
#include <string>
#include <vector>

namespace pl {

struct ContinualSettings {
    std::string benchmark;    // split | permuted (benchmark_table())
    std::string scenario;     // task | domain | class (scenario_table())
    std::string method;       // a name in method_table()
    int contexts = 5;         // permuted only (split has 5)
    int epochs = 4;           // passes over each context's training set
    std::vector<int> hidden;  // hidden layer sizes (default: the benchmark's network)
    double lr = 1e-3;         // Adam's learning rate
    int batch = 64;
    int seed = 1;
    double ewc_lambda = 0, ewc_gamma = 1;  // EWC's strength (default: the benchmark's); online EWC's decay
    double si_c = 0;                       // SI's strength (default: the benchmark's)
    int replay_per_class = 100;            // replay: stored digits per class of each context
    double hnet_beta = 1;                  // hnet: strength of the output regulariser
};

}  // namespace pl
