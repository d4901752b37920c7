#include "engine/random_streams.h"
#include <cstring>
#include "engine/fnv1a.h"

namespace pl {

const std::vector<StreamInfo>& stream_table() {
    static const std::vector<StreamInfo> table = {
        {Stream::Init, "init", "initial weights"},
        {Stream::DataOrder, "data-order", "the order of the training samples, reshuffled every epoch"},
        {Stream::Rule, "rule", "a learning rule's own randomness: feedback matrices B, DTP's noise"},
        {Stream::Dropout, "dropout", "dropout masks, one stream per dropout layer"},
        {Stream::Augment, "augment", "augmentation: shifts, rotations, elastic fields, pixel noise"},
        {Stream::WeightNoise, "weight-noise",
         "Bayes by Backprop: eps of the training weight samples, per layer"},
        {Stream::EvalNoise, "eval-noise",
         "the weight samples of every evaluation (the same each time), per layer"},
        {Stream::Spikes, "spikes", "Poisson input spikes"},
        {Stream::ToyData, "toy-data", "toy data sets (cubic, student-teacher, spirals, moons, XOR)"},
        {Stream::Probe, "probe", "the fixed training samples measurements are taken on"},
        {Stream::View, "view", "views only: a drawn digit's spikes, gradient-check samples, sample grids"},
        {Stream::Fixed, "fixed", "the same for every seed: the validation split, the noise images"},
        {Stream::Replay, "replay",
         "continual learning: the replay memory's digits and each batch's replayed ones"},
        {Stream::Noise, "noise", "neurons: injected noise currents and Poisson synaptic input"},
        {Stream::Network, "network",
         "spiking networks: connectivity, initial potentials, external Poisson input"},
    };
    return table;
}

namespace {
uint64_t mix(uint64_t z) {  // splitmix64's finaliser
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
}  // namespace

uint64_t stream_seed(uint64_t seed, Stream stream, uint64_t index) {
    const char* name = stream_table()[size_t(stream)].name;
    if (stream == Stream::Fixed) seed = 0;
    return mix(mix(mix(seed) ^ fnv1a(name, std::strlen(name))) ^ index);
}

Rng random_stream(uint64_t seed, Stream stream, uint64_t index) {
    return Rng(stream_seed(seed, stream, index));
}

}  // namespace pl
