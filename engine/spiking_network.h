// The seam for the lab's spiking networks (CUBA, Brunel): N_E excitatory then N_I inhibitory neurons, stepped
// by dt, listing who fired each step; running spike counts and ISI sums give rates and CVs without a raster.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <vector>
#include "engine/model_param.h"
#include "engine/synapse_lists.h"
#include "engine/table.h"

namespace pl {

class SpikingNetwork {
public:
    SpikingNetwork(int n_exc, int n_inh, double dt_ms, double threshold_mV, double reset_mV);
    virtual ~SpikingNetwork() = default;
    int n_exc() const { return n_exc_; }  // neurons 0 .. n_exc - 1
    int n_inh() const { return n_inh_; }  // neurons n_exc .. size - 1
    int size() const { return n_exc_ + n_inh_; }
    double dt_ms() const { return dt_ms_; }
    double t_ms() const { return double(steps_) * dt_ms_; }

    // New connectivity and initial state drawn from the seed's streams; t = 0, statistics cleared.
    void reset(uint64_t seed);
    void step();                                              // one dt
    const std::vector<int>& fired() const { return fired_; }  // who spiked in the last step, ascending

    const Eigen::ArrayXf& v_mV() const { return v_mV_; }        // every neuron's membrane potential now (mV)
    double threshold_mV() const { return threshold_mV_; }       // where plots draw the threshold
    double reset_mV() const { return reset_mV_; }               // and the reset
    const SynapseLists& synapses() const { return synapses_; }  // built by reset()

    // Spike statistics of each neuron since the last clear_statistics() (or reset), e.g. after a transient:
    // ISIs count only between two spikes of that window.
    void clear_statistics();
    double statistics_start_ms() const { return statistics_start_ms_; }
    const Eigen::ArrayXi& spike_count() const { return spike_count_; }
    const Eigen::ArrayXd& last_spike_ms() const { return last_spike_ms_; }  // NaN before the first spike
    const Eigen::ArrayXi& isi_count() const { return isi_count_; }
    const Eigen::ArrayXd& isi_sum_ms() const { return isi_sum_ms_; }
    const Eigen::ArrayXd& isi_sum_sq_ms2() const { return isi_sum_sq_ms2_; }
    Eigen::ArrayXd rate_hz() const;  // spike_count / the window's length
    Eigen::ArrayXd isi_cv() const;   // sd / mean of each neuron's ISIs; NaN with fewer than 2 ISIs

protected:
    virtual void rebuild(uint64_t seed) = 0;                           // connectivity and initial state
    virtual void advance(uint64_t step, std::vector<int>& fired) = 0;  // the step from t = step dt
    Eigen::ArrayXf v_mV_;  // set by rebuild() and advance(); single precision: twice the SIMD lanes of double
    SynapseLists synapses_;  // set by rebuild()

private:
    int n_exc_, n_inh_;
    double dt_ms_, threshold_mV_, reset_mV_;
    uint64_t steps_ = 0;
    std::vector<int> fired_;
    double statistics_start_ms_ = 0;
    Eigen::ArrayXi spike_count_, isi_count_;
    Eigen::ArrayXd last_spike_ms_, isi_sum_ms_, isi_sum_sq_ms2_;
};

// Appends the i with v(i) > threshold, ascending (a vectorised count skips the blocks without any).
void append_above(const Eigen::ArrayXf& v, float threshold, std::vector<int>& out);

// Means over neurons first .. first + count - 1 (e.g. the excitatory ones): the rate, and the ISI CV of those
// with at least 2 ISIs (NaN when none has).
double mean_rate_hz(const SpikingNetwork& net, int first, int count);
double mean_isi_cv(const SpikingNetwork& net, int first, int count);

// Synchrony of a population of n neurons from its spike count per time bin: the Fano factor F = var / mean
// (~1 for independent Poisson neurons, >> 1 when they fire together) and (F - 1) / (n - 1), which estimates
// the mean correlation of two neurons' counts (0: asynchronous, 1: all fire together).
double fano_factor(const std::vector<double>& count_per_bin);
double synchrony(const std::vector<double>& count_per_bin, int n);

struct SpikingNetworkModel {
    // The network's parameters: names are the lab's URL/CLI keys (cuba_*, brunel_*), with unit, default,
    // range and help.
    const std::vector<ModelParam>& (*params)();
    std::unique_ptr<SpikingNetwork> (*make)(const ParamLookup& value);  // then reset(seed) before stepping
};

const Table<SpikingNetworkModel>& network_table();  // cuba, brunel

}  // namespace pl
