#include "engine/cuba_network.h"
#include <algorithm>
#include <cmath>
#include "engine/math.h"
#include "engine/random_streams.h"

namespace pl {

namespace {
const double kDt_ms = 0.1;
const double kTauM_ms = 20.0, kTauE_ms = 5.0, kTauI_ms = 10.0;
const double kThreshold_mV = -50.0, kReset_mV = -60.0;
const double kRefractory_ms = 5.0;
const double kExcitatoryFraction = 0.8;

// The weight a unit ge(0) = 1 adds to v over one step dt of dv/dt = (ge - v)/taum, dge/dt = -ge/tau:
// tau / (tau - taum) (exp(-dt/tau) - exp(-dt/taum)).
double synaptic_propagator(double tau_ms) {
    return tau_ms / (tau_ms - kTauM_ms) * (pl::exp(-kDt_ms / tau_ms) - pl::exp(-kDt_ms / kTauM_ms));
}

const float kDecayM = float(pl::exp(-kDt_ms / kTauM_ms)), kDecayE = float(pl::exp(-kDt_ms / kTauE_ms)),
            kDecayI = float(pl::exp(-kDt_ms / kTauI_ms));
const float kFromGe = float(synaptic_propagator(kTauE_ms)), kFromGi = float(synaptic_propagator(kTauI_ms));
const int kRefractorySteps = int(std::lround(kRefractory_ms / kDt_ms));

// Bernoulli(p) synapses for every ordered pair, drawn by geometric skips over the flattened index pre * n +
// post.
std::vector<Synapse> random_synapses(const CubaSettings& s, int n_exc, Rng& rng) {
    std::vector<Synapse> out;
    const int64_t pairs = int64_t(s.n) * s.n;
    if (s.p <= 0) return out;
    const double log_q = pl::log1p(-std::min(s.p, 1.0 - 1e-12));
    for (int64_t k = -1;;) {
        k += 1 + int64_t(std::floor(pl::log1p(-rng.uniform()) / log_q));  // gap ~ Geometric(p)
        if (k >= pairs) return out;
        const int pre = int(k / s.n), post = int(k % s.n);
        out.push_back({pre, post, pre < n_exc ? s.we_mV : s.wi_mV});
    }
}
}  // namespace

CubaNetwork::CubaNetwork(const CubaSettings& settings)
    : SpikingNetwork(int(std::lround(kExcitatoryFraction * settings.n)),
                     settings.n - int(std::lround(kExcitatoryFraction * settings.n)), kDt_ms, kThreshold_mV,
                     kReset_mV),
      settings_(settings) {}

void CubaNetwork::rebuild(uint64_t seed) {
    Rng wiring = random_stream(seed, Stream::Init, 0);
    synapses_ = SynapseLists(size(), size(), random_synapses(settings_, n_exc(), wiring));
    Rng start = random_stream(seed, Stream::Init, 1);
    v_mV_ =
        Eigen::ArrayXf::NullaryExpr(size(), [&] { return float(start.uniform(kReset_mV, kThreshold_mV)); });
    ge_mV_ = Eigen::ArrayXf::Zero(size());
    gi_mV_ = Eigen::ArrayXf::Zero(size());
    refractory_ = RefractoryHold(kRefractorySteps);
}

void CubaNetwork::advance(uint64_t step, std::vector<int>& fired) {
    const float el = float(settings_.el_mV);
    // v(t + dt) = El + (v - El) e^{-dt/taum} + ge P_e + gi P_i   (exact), v held at Vr while refractory.
    // A plain loop: clang vectorises it with wasm SIMD, where Eigen 3.4 has no kernels and its expression
    // runs at half the speed (native: the same speed).
    float* v = v_mV_.data();
    const float *ge = ge_mV_.data(), *gi = gi_mV_.data();
    for (int i = 0, n = size(); i < n; ++i)
        v[i] = el + (v[i] - el) * kDecayM + ge[i] * kFromGe + gi[i] * kFromGi;
    refractory_.hold(v_mV_, float(kReset_mV));
    ge_mV_ *= kDecayE;  // ge(t + dt) = ge e^{-dt/taue}
    gi_mV_ *= kDecayI;
    append_above(v_mV_, float(kThreshold_mV), fired);
    // a spike adds its row of weights: ge += W_E s_E, gi += W_I s_I
    const int* first_inhibitory = std::lower_bound(fired.data(), fired.data() + fired.size(), n_exc());
    synapses_.add_rows(fired.data(), first_inhibitory, ge_mV_);
    synapses_.add_rows(first_inhibitory, fired.data() + fired.size(), gi_mV_);
    for (int i : fired) v_mV_(i) = float(kReset_mV);
    refractory_.record(step, fired);
}

const std::vector<ModelParam>& CubaNetwork::params() {
    static const CubaSettings d;
    static const std::vector<ModelParam> table = {
        {"cuba_n", "", double(d.n), 100, 8000, "neurons (80% excitatory); the benchmark has 4000", {}},
        {"cuba_p", "", d.p, 0.0, 0.1, "connection probability of each ordered pair", {}},
        {"cuba_we", "mV", d.we_mV, 0.0, 10.0, "jump of ge per excitatory spike (60 * 0.27 / 10 mV)", {}},
        {"cuba_wi", "mV", d.wi_mV, -40.0, 0.0, "jump of gi per inhibitory spike (-20 * 4.5 / 10 mV)", {}},
        {"cuba_el", "mV", d.el_mV, -60.0, -40.0, "leak reversal: -49 mV lies above the threshold -50 mV", {}},
    };
    return table;
}

CubaSettings CubaNetwork::settings_from(const ParamLookup& value) {
    return {int(std::lround(value("cuba_n"))), value("cuba_p"), value("cuba_we"), value("cuba_wi"),
            value("cuba_el")};
}

}  // namespace pl
