#include "engine/brunel_network.h"
#include <cmath>
#include "engine/math.h"
#include "engine/random_streams.h"

namespace pl {

namespace {
const double kDt_ms = 0.1;
const double kTau_ms = 20.0;
const double kThreshold_mV = 20.0, kReset_mV = 10.0;
const double kRefractory_ms = 2.0;
const double kEpsilon = 0.1;                     // connection probability: C = eps N
const double kInhibitoryPerExcitatory = 0.25;    // N_I / N_E = gamma
const double kPaperJ_mV = 0.1, kPaperCE = 1000;  // Brunel's J and C_E: J C_E = 100 mV is kept
const float kDecay = float(pl::exp(-kDt_ms / kTau_ms));
const int kRefractorySteps = int(std::lround(kRefractory_ms / kDt_ms));

int inhibitory_count(int n_exc) { return int(std::lround(kInhibitoryPerExcitatory * n_exc)); }
}  // namespace

BrunelNetwork::BrunelNetwork(const BrunelSettings& settings)
    : SpikingNetwork(settings.n_exc, inhibitory_count(settings.n_exc), kDt_ms, kThreshold_mV, kReset_mV),
      settings_(settings),
      delay_steps_(std::max(1, int(std::lround(settings.delay_ms / kDt_ms)))),
      external_(c_exc() * settings.ratio * nu_thr_hz() / 1000.0 * kDt_ms) {}  // C_E nu_ext dt

int BrunelNetwork::c_exc() const { return int(std::lround(kEpsilon * n_exc())); }
int BrunelNetwork::c_inh() const { return int(std::lround(kEpsilon * n_inh())); }
double BrunelNetwork::j_mV() const { return kPaperJ_mV * kPaperCE / c_exc(); }
double BrunelNetwork::nu_thr_hz() const { return kThreshold_mV / (j_mV() * c_exc() * kTau_ms) * 1000.0; }

void BrunelNetwork::rebuild(uint64_t seed) {
    // every neuron draws C_E presynaptic neurons among the E and C_I among the I ones
    Rng wiring = random_stream(seed, Stream::Init, 0);
    std::vector<Synapse> synapses;
    synapses.reserve(size_t(size()) * size_t(c_exc() + c_inh()));
    for (int post = 0; post < size(); ++post) {
        for (int k = 0; k < c_exc(); ++k) synapses.push_back({wiring.below(n_exc()), post, j_mV()});
        for (int k = 0; k < c_inh(); ++k)
            synapses.push_back({n_exc() + wiring.below(n_inh()), post, -settings_.g * j_mV()});
    }
    synapses_ = SynapseLists(size(), size(), synapses);
    Rng start = random_stream(seed, Stream::Init, 1);
    v_mV_ = Eigen::ArrayXf::NullaryExpr(size(), [&] { return float(start.uniform(0.0, kThreshold_mV)); });
    external_rng_ = random_stream(seed, Stream::Noise);
    external_count_ = Eigen::ArrayXf::Zero(size());
    arriving_mV_ = Eigen::ArrayXXf::Zero(size(), delay_steps_ + 1);
    refractory_ = RefractoryHold(kRefractorySteps);
}

void BrunelNetwork::advance(uint64_t step, std::vector<int>& fired) {
    const int now = int(step % uint64_t(delay_steps_ + 1));
    external_.fill(external_rng_, external_count_);
    // V(t + dt) = V e^{-dt/tau} + J (external spikes) + the recurrent input arriving now; held at Vr (input
    // lost) while refractory
    v_mV_ = v_mV_ * kDecay + float(j_mV()) * external_count_ + arriving_mV_.col(now);
    refractory_.hold(v_mV_, float(kReset_mV));
    arriving_mV_.col(now).setZero();
    append_above(v_mV_, std::nextafter(float(kThreshold_mV), -1e30f), fired);  // V >= theta
    // a spike adds its row of weights to the input arriving D later
    const uint64_t arrival = (step + uint64_t(delay_steps_)) % uint64_t(delay_steps_ + 1);
    synapses_.add_rows(fired, arriving_mV_.col(Eigen::Index(arrival)));
    for (int i : fired) v_mV_(i) = float(kReset_mV);
    refractory_.record(step, fired);
}

const std::vector<ModelParam>& BrunelNetwork::params() {
    static const BrunelSettings d;
    static const std::vector<ModelParam> table = {
        {"brunel_n_exc",
         "",
         double(d.n_exc),
         400,
         10000,
         "excitatory neurons N_E (N_I = N_E / 4, C_E = N_E / 10, J = 100 mV / C_E); Brunel: 10000",
         {}},
        {"brunel_g", "", d.g, 0.0, 8.0, "relative inhibition g: an I synapse is -g J", {}},
        {"brunel_ratio", "", d.ratio, 0.0, 6.0, "external rate over the threshold rate, nu_ext / nu_thr", {}},
        {"brunel_delay", "ms", d.delay_ms, 0.1, 5.0, "synaptic delay D", {}},
    };
    return table;
}

BrunelSettings BrunelNetwork::settings_from(const ParamLookup& value) {
    return {int(std::lround(value("brunel_n_exc"))), value("brunel_g"), value("brunel_ratio"),
            value("brunel_delay")};
}

const Table<BrunelRegime>& brunel_regime_table() {
    static const Table<BrunelRegime> table(
        "Brunel regime",
        {
            {"sr", "synchronous regular: g 3, nu_ext = 2 nu_thr", {3.0, 2.0}},
            {"ai", "asynchronous irregular: g 5, nu_ext = 2 nu_thr", {5.0, 2.0}},
            {"si-fast", "synchronous irregular, fast oscillation: g 6, nu_ext = 4 nu_thr", {6.0, 4.0}},
            {"si-slow", "synchronous irregular, slow oscillation: g 4.5, nu_ext = 0.9 nu_thr", {4.5, 0.9}},
        });
    return table;
}

}  // namespace pl
