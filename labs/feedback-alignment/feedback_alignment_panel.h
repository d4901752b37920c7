// Lab 2's panel: learning curves, per hidden layer the angles of the update and of B to backprop's
// quantities, and the usual views of the task (digits or the cubic fit).
#pragma once
#include "labs/feedback-alignment/feedback_alignment_lab.h"

namespace pl {

void draw_feedback_alignment_panel(FeedbackAlignmentLab& lab);

}  // namespace pl
