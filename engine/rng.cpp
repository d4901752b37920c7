// xoshiro256** (Blackman & Vigna) seeded through splitmix64, plus Box-Muller normals.
#include "engine/rng.h"
#include <cmath>
#include <numbers>
#include <utility>
#include "engine/math.h"

namespace pl {

static uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

Rng::Rng(uint64_t seed) {
    for (uint64_t& s : s_) s = splitmix64(seed);
}

uint64_t Rng::next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

// u = top 53 bits * 2^-53, every double in [0, 1) on a 2^-53 grid
double Rng::uniform() { return double(next() >> 11) * 0x1.0p-53; }

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

// Box-Muller: r = sqrt(-2 ln u1), z0 = r cos(2 pi u2), z1 = r sin(2 pi u2); z1 is kept for the next call
double Rng::normal() {
    if (has_spare_) {
        has_spare_ = false;
        return spare_;
    }
    const double u1 = 1.0 - uniform();  // (0, 1], so log(u1) is finite
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * pl::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    spare_ = r * pl::sin(angle);
    has_spare_ = true;
    return r * pl::cos(angle);
}

double Rng::normal(double mean, double sd) { return mean + sd * normal(); }

// Multiply-shift (Lemire): floor(u32 * n / 2^32), bias below n / 2^32
int Rng::below(int n) {
    if (n <= 0) return 0;
    return int(((next() >> 32) * uint64_t(n)) >> 32);
}

void Rng::shuffle(std::vector<int>& v) {
    for (int i = int(v.size()) - 1; i > 0; --i) std::swap(v[i], v[below(i + 1)]);
}

}  // namespace pl
