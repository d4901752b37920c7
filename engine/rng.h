// Seeded random numbers owned by whoever needs them (no global state): xoshiro256** + Box-Muller.
// Same seed -> the same sequence on every platform (no std:: distributions, whose output differs by library).
#pragma once
#include <cstdint>
#include <vector>

namespace pl {

class Rng {
public:
    explicit Rng(uint64_t seed = 1);
    uint64_t next();                        // 64 random bits
    double uniform();                       // U[0, 1)
    double uniform(double lo, double hi);   // U[lo, hi)
    double normal();                        // N(0, 1)
    double normal(double mean, double sd);  // N(mean, sd^2)
    int below(int n);                       // uniform integer in [0, n)
    void shuffle(std::vector<int>& v);      // Fisher-Yates
private:
    uint64_t s_[4];
    double spare_ = 0;
    bool has_spare_ = false;
};

}  // namespace pl
