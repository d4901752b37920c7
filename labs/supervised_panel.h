// Panel pieces shared by the labs that train an Mlp with a SupervisedRun: learning curves, weight and
// gradient norms, receptive fields, confusion matrix and mistakes, drawing pad, toy-set fits.
#pragma once
#include <imgui.h>
#include <string>
#include <vector>
#include "labs/supervised_lab.h"
#include "ui/widgets/drawing_pad.h"

namespace pl {

struct SupervisedViews {  // what these views keep between frames
    ui::DrawingPad pad;
    Vec pad_probabilities;
    int fields = 32;
    std::vector<double> x, fit, truth, data_x, data_y;  // cubic fit curves
    std::vector<double> weights;                        // first layer, for the histogram
};

// False, with the reason shown, when the lab's reset() failed (e.g. a missing data file): draw nothing else.
bool ShowIfNotStarted(const SupervisedLab& lab);
bool ShowIfNotStarted(bool started, const std::string& error);  // for labs that are not SupervisedLabs
ImVec2 HalfWidth(float height);  // two plots side by side: call before the first (SameLine shrinks the width)
void LearningCurves(SupervisedRun& run);  // loss and accuracy (or per-batch loss) per epoch
// The same from the logs: epochs (epoch, train/test_loss, train/test_acc), batches (batch, batch_loss).
void LearningCurves(const MetricLog& epochs, const MetricLog& batches, bool classification);
// Under a plot or table of `log`: one dim line per reason why a shown column's latest value is not a number.
void UndefinedNotes(const MetricLog& log, const std::vector<std::string>& shown);
void NormHistories(SupervisedRun& run);                   // weight and gradient norm per layer
void DigitViews(SupervisedRun& run, SupervisedViews& s);  // fields, histogram, confusion, mistakes, pad
void ToyViews(SupervisedRun& run, SupervisedViews& s);
void ClassProbabilities(const Vec& probabilities);  // one labelled bar per class, the most likely in green //
                                                    // cubic fit or 2-D decision map

}  // namespace pl
