#include "labs/continual/continual_panel.h"
#include <imgui.h>

namespace pl {

void draw_continual_panel(ContinualLab& lab) {
    const MetricLog& epochs = *lab.logs()[0];
    ImGui::Text("Context %d of %d; average accuracy over the contexts seen: %.3f", lab.run.context + 1,
                lab.run.benchmark ? lab.run.contexts() : 0, epochs.rows() ? epochs.last("acc_avg") : 0.0);
}

}  // namespace pl
