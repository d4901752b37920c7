// The table of every lab's exercise probes: one line per lab (its labs/<id>/<id>_exercises.cpp).
#include "labs/exercise.h"

namespace pl {

std::vector<ExerciseProbe> all_exercise_probes() {
    // One line per lab with exercises, in the catalog's order: `backprop_exercise_probes,  // Lab 1`
    const std::vector<std::vector<ExerciseProbe> (*)()> labs = {
        backprop_exercise_probes,            // Lab 1
        feedback_alignment_exercise_probes,  // Lab 2
        bayes_by_backprop_exercise_probes,   // Lab 3
        regularization_exercise_probes,      // Lab 4
        surrogate_spikes_exercise_probes,    // Lab 5
        continual_exercise_probes,           // Lab 6
        target_prop_exercise_probes,         // Lab 7
        neurons_exercise_probes,             // neurons
        plasticity_exercise_probes,          // plasticity
    };
    std::vector<ExerciseProbe> probes;
    for (const auto& lab_probes : labs) {
        std::vector<ExerciseProbe> more = lab_probes();
        probes.insert(probes.end(), more.begin(), more.end());
    }
    return probes;
}

}  // namespace pl
