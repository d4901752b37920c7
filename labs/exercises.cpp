// The table of every lab's exercise probes: one line per lab (its labs/<id>/<id>_exercises.cpp).
#include "labs/exercise.h"

namespace pl {

std::vector<ExerciseProbe> all_exercise_probes() {
    // One line per lab with exercises, in the catalog's order: `backprop_exercise_probes,`
    const std::vector<std::vector<ExerciseProbe> (*)()> labs = {
        backprop_exercise_probes,
        feedback_alignment_exercise_probes,
        bayes_by_backprop_exercise_probes,
        regularization_exercise_probes,
        surrogate_spikes_exercise_probes,
        target_prop_exercise_probes,
    };
    std::vector<ExerciseProbe> probes;
    for (const auto& lab_probes : labs) {
        std::vector<ExerciseProbe> more = lab_probes();
        probes.insert(probes.end(), more.begin(), more.end());
    }
    return probes;
}

}  // namespace pl
