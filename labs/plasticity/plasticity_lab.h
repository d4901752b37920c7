// The `plasticity` lab: local learning rules that read only pre- and postsynaptic activity. Rate rules (Hebb,
// Oja, BCM, Sanger), STDP (the window, Sjostrom's protocol, Song-Abbott) and Diehl & Cook's digit network.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include "engine/diehl_cook_run.h"
#include "engine/gaussian_cloud.h"
#include "engine/song_abbott.h"
#include "engine/stdp_protocols.h"
#include "labs/lab.h"
#include "labs/model_param_specs.h"
#include "labs/plasticity/rate_run.h"

namespace pl {

struct PlasticitySettings {
    std::string rule;           // hebb, oja, bcm, sanger, stdp-pair, stdp-triplet, song-abbott, diehl-cook
    RateRunSettings rate;       // hebb, oja, bcm, sanger
    ModelValues stdp;           // the pair and triplet rules' parameters by name (tau_plus, a_plus, ...)
    StdpWindowProtocol window;  // stdp-pair, stdp-triplet
    double duration_s = 0;      // song-abbott: simulated time
    double input_rate_hz = 0;   // song-abbott: each input's Poisson rate
    int inputs = 0;             // song-abbott: Poisson inputs
    ModelValues dc;             // diehl-cook: neurons, dc_* (diehl_cook_param_table)
    int passes = 0;             // rate rules and diehl-cook: passes over the data
    int train_digits = 0;       // diehl-cook: the first n of each shuffled pass
    int test_digits = 0;        // diehl-cook: test digits
    int seed = 1;
};

const Fields<PlasticitySettings>& plasticity_fields();
const std::vector<Preset>& plasticity_presets();

class PlasticityLab : public Lab {
public:
    static const LabInfo kInfo;
    PlasticityLab();
    const LabInfo& info() const override { return kInfo; }
    void reset() override;
    void step() override;  // about 15 ms of work; the 2-D cloud 20 samples, so w is seen moving
    // The fast rules simulate as soon as they open or change; diehl-cook (minutes) waits for Start.
    bool live() const override { return settings_.rule != "diehl-cook"; }
    bool done() const override;
    double progress() const override;
    // logs()[0] `curve`: a row per pass (rate rules), per protocol (STDP), per simulated second
    // (song-abbott), per 100 training digits (diehl-cook); `window` and `sjostrom` (STDP), `evaluation`
    // (diehl-cook: its test accuracy).
    std::vector<const MetricLog*> logs() const override { return {&curve, &window, &sjostrom, &evaluation}; }
    // oja, hebb: angle_to_pc1_deg, w_norm; bcm: selectivity, theta; sanger: max_angle_deg, mean_angle_deg;
    // STDP: fit_tau_plus_ms, fit_tau_minus_ms, dw_post_pre_50hz; song-abbott: bimodal_fraction, rate_hz;
    // diehl-cook: test_acc.
    std::vector<std::pair<std::string, double>> final_metrics() const override;
    std::string export_json() const override;  // diehl-cook: "confusion" and "assignments"
    const PlasticitySettings& settings() const { return settings_; }

    std::optional<RateRun> rate;             // hebb, oja, bcm, sanger
    std::optional<StdpWindow> stdp_window;   // stdp-pair, stdp-triplet: the measured window
    std::optional<SongAbbott> song;          // song-abbott
    Eigen::MatrixXd song_histograms;         // song-abbott: row k, the weight histogram after k + 1 s
    std::optional<DiehlCookRun> diehl_cook;  // diehl-cook
    DiehlCook::Weights dc_initial_weights;   // diehl-cook: the input weights at the start (784 x N)

    MetricLog curve, window, sjostrom, evaluation;

private:
    void step_stdp();
    void step_song();
    void step_diehl_cook();
    void log_diehl_cook_window();
    PlasticitySettings settings_;
    DiehlCook::Weights dc_last_weights_;   // diehl-cook: the weights at the last row of `curve`
    std::shared_ptr<const Split> digits_;  // rules on digits: the data, kept across resets
    bool sjostrom_done_ = false;
    // diehl-cook's window of training digits since the last row
    int window_digits_ = 0;
    long window_spikes_ = 0;
    double window_intensity_ = 0;
};

}  // namespace pl
