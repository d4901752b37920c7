// Editor for a lab's Params: one widget per declared parameter (slider/drag, combo, checkbox, list text),
// its unit and its help as tooltip. Every edit goes through Params::set, so clamping warnings show too.
#pragma once
#include <string>
#include "labs/params.h"

namespace pl::ui {

// Returns true when a value changed. Messages from clamping are appended to `message`.
bool ParamEditor(Params& params, std::string& message, bool disabled = false);

}  // namespace pl::ui
