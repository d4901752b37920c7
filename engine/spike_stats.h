// What a single neuron's spike times say: interspike intervals, their CV, the steady rate from the last ISI,
// the first-spike latency; and the f-I curve's marks (rheobase, the onset of sustained firing).
#pragma once
#include <vector>

namespace pl {

std::vector<double> interspike_intervals(const std::vector<double>& spike_ms);  // ISI_k = t_{k+1} - t_k (ms)
double coefficient_of_variation(const std::vector<double>& values);  // sd / mean; NaN for fewer than 2 values

struct SpikeSummary {
    int spike_count = 0;
    double rate_hz = 0;         // 1000 / the last ISI when firing is sustained, else 0
    double first_spike_ms = 0;  // the first spike's latency after the stimulus onset; NaN without one
    double cv_isi = 0;          // the ISIs' coefficient of variation; NaN for fewer than 3 spikes
    bool sustained = false;     // the neuron still fires at the end of the stimulus
};

// Firing counts as sustained when there are at least 2 spikes and the last one came no earlier than twice the
// last ISI (and at least 20 ms) before `end_ms`, the stimulus's end: a train that has stopped reports rate 0.
SpikeSummary summarize_spikes(const std::vector<double>& spike_ms, double onset_ms, double end_ms);

// An f-I curve's marks: the smallest current that gives a spike (the rheobase) and the smallest that gives
// sustained firing, as currents of `current`; NaN where none does. rate/count are per current, ascending.
struct FiMarks {
    double rheobase = 0;
    double repetitive_onset = 0;
    double rate_at_onset_hz =
        0;  // the rate at repetitive_onset: ~0 for type I, a jump (HH: ~50 Hz) for type II
};
FiMarks fi_marks(const std::vector<double>& current, const std::vector<int>& spike_count,
                 const std::vector<double>& rate_hz);

}  // namespace pl
