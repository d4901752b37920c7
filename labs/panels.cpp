#include "labs/panels.h"
#include <imgui.h>
#include "labs/backprop/backprop_panel.h"
#include "labs/bayes-by-backprop/bayes_by_backprop_panel.h"
#include "labs/feedback-alignment/feedback_alignment_panel.h"
#include "labs/regularization/regularization_panel.h"
#include "labs/surrogate-spikes/surrogate_spikes_panel.h"
#include "labs/target-prop/target_prop_panel.h"

namespace pl {

void draw_lab_panel(Lab& lab) {
    const std::string& id = lab.info().id;
    if (id == "backprop")
        draw_backprop_panel(static_cast<BackpropLab&>(lab));
    else if (id == "bayes-by-backprop")
        draw_bayes_by_backprop_panel(static_cast<BayesByBackpropLab&>(lab));
    else if (id == "feedback-alignment")
        draw_feedback_alignment_panel(static_cast<FeedbackAlignmentLab&>(lab));
    else if (id == "regularization")
        draw_regularization_panel(static_cast<RegularizationLab&>(lab));
    else if (id == "surrogate-spikes")
        draw_surrogate_spikes_panel(static_cast<SurrogateSpikesLab&>(lab));
    else if (id == "target-prop")
        draw_target_prop_panel(static_cast<TargetPropLab&>(lab));
    else
        ImGui::TextDisabled("This lab has no panel yet.");
}

}  // namespace pl
