// Diehl & Cook (2015)'s unsupervised STDP network: Poisson pixels -> conductance-based LIF excitatory neurons
// with adaptive thresholds, each driving one inhibitory neuron that inhibits every other; one digit per call.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>
#include "engine/model_param.h"
#include "engine/rng.h"

namespace pl {

// The original code's constants (peter-u-diehl/stdp-mnist, Diehl&Cook_spiking_MNIST.py) unless marked. Not
// modelled: its input->exc delays U(0, 10) ms (BindsNET has none either).
struct DiehlCookParams {
    int neurons = 100;             // excitatory neurons (and as many inhibitory ones)
    double dt_ms = 0.5;            // time step
    double present_ms = 350;       // one digit's presentation, then a state reset (BindsNET's, not 150 ms
                                   // of rest at 0 Hz)
    double intensity = 2;          // rate = pixel (0..255) / 8 Hz * intensity: at most 63.75 Hz
    int min_spikes = 5;            // fewer excitatory spikes: intensity += 1, present again
    int max_repeats = 16;          // not in the original (unbounded): a digit is given up after this many
    double v_rest_exc_mV = -65;    // excitatory resting potential
    double v_reset_exc_mV = -65;   // excitatory reset
    double v_thresh_exc_mV = -52;  // excitatory threshold before theta
    double tau_exc_ms = 100;       // excitatory membrane time constant
    double refractory_exc_ms = 5;  // excitatory V held at reset
    double lockout_exc_ms = 50;    // no new excitatory spike (the original's timer quirk: 5 ms at 0.1 ms/ms)
    double e_inh_exc_mV = -100;    // inhibitory reversal seen by excitatory neurons
    double v_rest_inh_mV = -60;    // inhibitory resting potential
    double v_reset_inh_mV = -45;   // inhibitory reset
    double v_thresh_inh_mV = -40;  // inhibitory threshold
    double tau_inh_ms = 10;        // inhibitory membrane time constant
    double refractory_inh_ms = 2;  // inhibitory V held at reset
    double e_inh_inh_mV = -85;     // inhibitory reversal seen by inhibitory neurons (no inh->inh synapses)
    double e_exc_mV = 0;           // excitatory reversal
    double tau_ge_ms = 1;          // excitatory conductance decay
    double tau_gi_ms = 2;          // inhibitory conductance decay
    double w_exc_inh = 10.4;       // exc i -> inh i (conductance, in units of the leak)
    double w_inh_exc = 17.0;       // inh i -> every exc j != i
    double theta_plus_mV = 0.05;   // threshold growth per excitatory spike (training only)
    double tau_theta_ms = 1e7;     // threshold decay
    double w_init = 0.3;           // initial input weights w_init (U + 0.01)
    double w_max = 1;              // input weights stay in [0, w_max]
    double w_sum = 78;             // each neuron's input weights sum to this before every digit
    double nu_pre = 1e-4;          // depression on a pre spike: w -= nu_pre post1
    double nu_post = 1e-2;         // potentiation on a post spike: w += nu_post pre post2
    double tau_pre_ms = 20;        // pre trace
    double tau_post1_ms = 20;      // post1 trace (depression)
    double tau_post2_ms = 40;      // post2 trace (potentiation)
};

const std::vector<ModelParam>& diehl_cook_param_table();  // neurons, dc_* (names, units, defaults, ranges)
DiehlCookParams diehl_cook_params(const ParamLookup& value);

struct RasterSpike {
    int step;    // time step of the presentation (t = step dt)
    int neuron;  // input pixel or excitatory neuron
};

class DiehlCook {
public:
    DiehlCook(const DiehlCookParams& params,
              uint64_t seed);  // weights from Stream::Init, spikes Stream::Spikes

    // Presents one digit (784 pixels in [0, 1]) until the excitatory layer fires min_spikes (raising the
    // intensity each time, at most max_repeats times), resetting the state before each presentation. learn:
    // weights normalised first, STDP and theta growth on; else weights and theta frozen. Returns the spike
    // count of each excitatory neuron in the last presentation.
    const Eigen::ArrayXi& present(const Eigen::VectorXd& pixels, bool learn);

    const DiehlCookParams& params() const { return p_; }
    int neurons() const { return p_.neurons; }
    // Input weights, 784 x N row-major: input i's N weights are contiguous (row i); column j is neuron j's
    // 28 x 28 receptive field.
    using Weights = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Weights& weights() const { return w_; }
    const Eigen::ArrayXf& theta_mV() const { return theta_mV_; }  // threshold rise (original theta - 20 mV)
    void normalise_weights();                                     // w(:, j) *= w_sum / sum_i w(i, j)

    // The last digit's last presentation.
    const std::vector<RasterSpike>& input_raster() const { return input_raster_; }
    const std::vector<RasterSpike>& exc_raster() const { return exc_raster_; }
    const Eigen::ArrayXi& exc_counts() const { return exc_counts_; }
    double last_intensity() const { return last_intensity_; }  // the intensity that reached min_spikes
    int last_repeats() const { return last_repeats_; }         // presentations of the last digit beyond one

private:
    void reset_state();
    void draw_input_spikes(const Eigen::VectorXd& pixels, double intensity);  // input_raster_, by step
    void run_presentation(bool learn);
    void step(int s, const RasterSpike* in_first, const RasterSpike* in_last, bool learn);

    DiehlCookParams p_;
    Rng spikes_rng_;
    int steps_;  // per presentation
    Weights w_;
    Eigen::ArrayXf theta_mV_;
    Eigen::ArrayXf v_exc_, ge_exc_, gi_exc_, v_inh_, ge_inh_;
    Eigen::ArrayXi refractory_exc_, lockout_exc_, refractory_inh_;  // steps left
    Eigen::ArrayXf last_pre_ms_, last_post_ms_;  // trace times: pre = e^(-(t - last)/tau_pre), post likewise
    std::vector<int> fired_exc_, fired_inh_;
    std::vector<RasterSpike> input_raster_, exc_raster_;
    Eigen::ArrayXi exc_counts_;
    double last_intensity_ = 0;
    int last_repeats_ = 0;
};

}  // namespace pl
