// The whole run of a lab as one document: parameters, every metric series and the final metrics.
// Shared by the CLI (--out), the app's "Export run" buttons and the page's JS API.
#pragma once
#include <string>
#include "engine/json.h"
#include "labs/lab.h"

namespace pl {

// {"final":true,"lab":..,<metrics>..,"samples_per_s"[,"undefined":{metric: why it is null}][,"error"]}
Json final_json(const Lab& lab, double samples_per_s);
// {"lab","params","metrics","metrics_digest"[,"undefined"], the lab's export_json() keys,"final"}
Json run_json(const Lab& lab, double samples_per_s);
std::string run_csv(const Lab& lab);  // "# key=value" lines, then each log as a CSV block
// Why final metric `name` is not a number: the reason its column last gave in the epochs log ("" if none).
std::string why_undefined(const Lab& lab, const std::string& name);

}  // namespace pl
