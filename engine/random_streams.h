// The named random streams of a run: each is derived from the run's seed and the stream's name (and an index
// for one of several, e.g. dropout layer k), so drawing more from one stream never shifts another's numbers.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include "engine/rng.h"

namespace pl {

enum class Stream {
    Init,         // initial weights
    DataOrder,    // the shuffled order of the training samples, every epoch
    Rule,         // a learning rule's own randomness: FA/DFA feedback matrices, DTP's noise
    Dropout,      // dropout masks, one stream per dropout layer (index = layer)
    Augment,      // data augmentation: shifts, rotations, elastic fields, pixel noise
    WeightNoise,  // Bayes by Backprop: eps of the weight samples while training (index = layer)
    EvalNoise,    // evaluation noise: the same weight samples at every evaluation (index = layer)
    Spikes,       // Poisson input spikes
    ToyData,  // toy data sets: cubic, student-teacher, spirals, moons, XOR (seeded by data_seed where a lab
              // has one)
    Probe,    // the fixed training samples measurements are taken on (update angles)
    View,     // views only: a drawn digit's Poisson spikes, the gradient check's samples, sample grids
    Fixed,    // fixed for every run whatever the seed: the validation split, the noise images
    Replay,   // continual learning: the digits a replay memory keeps and the replayed samples of each batch
    Noise,    // neurons: injected noise currents (Ornstein-Uhlenbeck) and Poisson synaptic input
    Network,  // spiking networks: the random connectivity, the initial potentials, the external Poisson input
};

struct StreamInfo {
    Stream stream;
    const char* name;  // what the derivation hashes, and the docs' name
    const char* help;
};
const std::vector<StreamInfo>& stream_table();  // every stream, in the order above

// Rng for `stream` of a run with `seed`: splitmix64 of (seed, FNV-1a(name), index). Stream::Fixed ignores the
// seed.
Rng random_stream(uint64_t seed, Stream stream, uint64_t index = 0);
uint64_t stream_seed(uint64_t seed, Stream stream, uint64_t index = 0);  // the seed random_stream uses

}  // namespace pl
