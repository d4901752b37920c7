// Editor for a lab's Params: one widget per parameter that applies to the current mode (slider, combo,
// checkbox, list text), its unit, help and "auto" marker (per-mode default). Edits go through Params::set.
#pragma once
#include <string>
#include "labs/params.h"

namespace pl::ui {

// Returns true when a value changed. Messages from clamping are appended to `message`.
bool ParamEditor(Params& params, std::string& message, bool disabled = false);

}  // namespace pl::ui
