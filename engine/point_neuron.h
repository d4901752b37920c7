// The seam for single-compartment neuron models under an injected current: N neurons of one model stepped by
// dt together (one neuron, an f-I sweep's N currents, a network's population). One file per model.
#pragma once
#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>
#include "engine/model_param.h"
#include "engine/neuron_preset.h"
#include "engine/table.h"

namespace pl {

struct StateVariable {
    std::string name;  // "V", "w", "u", "m", "h", "n", "I_Na", ...
    std::string unit;  // "mV", "pA", "" (a gating variable), "uA/cm^2"
};

// The phase plane of a 2-D model at a constant current I, over the membrane potentials v: where each
// variable's derivative is zero, as values of the second variable (AdEx: w in pA; Izhikevich: u).
struct PhasePlane {
    Eigen::ArrayXd v;            // the grid (mV); empty: the model has no phase plane
    Eigen::ArrayXd v_nullcline;  // dV/dt = 0
    Eigen::ArrayXd w_nullcline;  // dw/dt = 0
    double reset_mV = 0;         // the reset line V = V_reset (mV)
};

class PointNeurons {
public:
    explicit PointNeurons(int n) : spiked(Eigen::ArrayXd::Zero(n)) {}
    virtual ~PointNeurons() = default;
    int size() const { return int(spiked.size()); }

    virtual void reset() = 0;  // every neuron at rest (HH: the steady state at rest), nothing refractory
    // Advances every neuron by dt_ms under the injected current I (one value per neuron, in the model's
    // current unit); sets spiked(i) to 1 when neuron i fired in this step, else 0.
    virtual void step(const Eigen::ArrayXd& I, double dt_ms) = 0;
    virtual const std::vector<StateVariable>& variables() const = 0;  // [0]: the membrane potential V (mV)
    virtual const Eigen::ArrayXd& variable(int k) const = 0;          // every neuron's variables()[k] now
    virtual double threshold_mV() const = 0;                          // where plots draw the threshold
    virtual PhasePlane phase_plane(double /*I*/, const Eigen::ArrayXd& /*v*/) const { return {}; }

    Eigen::ArrayXd spiked;  // 1 where a neuron fired in the last step, else 0
};

struct PointNeuronModel {
    // The model's parameters: their names are the lab's URL/CLI keys (unique across this table: lif_*,
    // adex_*, izh_*, hh_*, celsius), with unit, default, range and help.
    const std::vector<ModelParam>& (*params)();
    const char* current_unit;  // the unit of the injected current: "pA" or "uA/cm^2"
    std::unique_ptr<PointNeurons> (*make)(int n, const ParamLookup& value);
    const std::vector<NeuronPreset>& (*presets)();  // its published firing patterns (may be none)
    // The rate (Hz) under a constant current I where the model has a closed form (LIF), else nullptr.
    double (*closed_form_rate_hz)(const ParamLookup& value, double I) = nullptr;
};

const Table<PointNeuronModel>& point_neuron_table();  // lif, adex, izhikevich, hh

}  // namespace pl
