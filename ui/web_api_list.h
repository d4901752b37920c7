// The page's JS API, declared once: one PL_API(JS name, C name, returns, (parameters), doc) per exported C
// function. Read with PL_API defined (no include guard) by web_api.h (declarations) and web_api_doc.cpp
// (pl_api's JSON for api.js, docs/api.md), and by ui/CMakeLists.txt (the export list). Types: see web_api.h.
PL_API(api, pl_api, pl_json, (), "This list as JSON: `[{js, c, returns, params: [{name, type}], doc}]`")
PL_API(labs, pl_labs, pl_json, (),
       "The catalog: `[{id, title, summary, ready, params: [{name, kind, default, ...}]}]`")
PL_API(open, pl_open, pl_message, (pl_text id), "Opens the lab with catalog id `id`")
PL_API(set, pl_set, pl_message, (pl_text key, pl_text value),
       "Sets a parameter from text, as the URL hash does; a warning when clamped, an error when refused")
PL_API(get, pl_get, pl_text, (pl_text key), "A parameter's value as text (\"\" for an unknown key)")
PL_API(
    step, pl_step, pl_json, (pl_number n),
    "Runs up to n steps of the lab (or comparison) now, in a slice of about 0.25 s (longer only if one step "
    "is): returns status() with `steps_done` and `steps_requested` (null for Infinity), so a script loops "
    "`while (!s.done) s = plasticity.step(1e6)`. n is a whole number >= 0, or Infinity (to the end, slice "
    "by slice); anything else throws a RangeError. An exception while stepping stops the run: its message "
    "becomes status().error")
PL_API(run, pl_run, void, (), "Starts the time-sliced run, as the Start button")
PL_API(pause, pl_pause, void, (), "Pauses the run")
PL_API(metrics, pl_metrics, pl_json, (),
       "Every metric series: `{<log>: {<column>: [values]}}`, logs such as epochs")
PL_API(state, pl_state, pl_text, (), "The lab and its parameters as a URL hash, `lab=backprop&lr=0.001&...`")
PL_API(status, pl_status, pl_json, (),
       "`{lab, running, done, progress, epochs, comparing, samples_per_s, eta_s, longest_step_ms, error, "
       "buttons}`; `error` says why the run (in a comparison: a run) stopped, \"\" if it did not")
PL_API(applyHash, pl_apply_hash, pl_message, (pl_text hash),
       "Applies a URL hash, `lab=..&key=value&...` (api.js calls it when the hash is edited)")
PL_API(exportRun, pl_export, pl_text, (pl_text kind),
       "Downloads the run (or comparison) as `json` or `csv`; returns the text. Another kind throws an Error "
       "listing the valid ones")
PL_API(
    compare, pl_compare, pl_message, (pl_text key, pl_text values),
    "One run per value of `key` (values: `bp,fa,dfa`), same seed; then run() or step(). The new comparison "
    "replaces the running one only when it starts; if refused, the running one goes on")
PL_API(comparison, pl_comparison, pl_json, (),
       "`{lab, vary, runs: [{<key>: value, params, metrics, final}]}`, or null when not comparing")
PL_API(memory, pl_memory, pl_json, (),
       "`{heap_bytes, in_use_bytes}`: the size of the wasm heap and the bytes of it malloc has handed out")
PL_API(failure, pl_failure, pl_json, (),
       "The C++ exception the last call ended with, `{name, message}` (name `Error`, or `RangeError` for a "
       "value out of range), or null; api.js reads it after every call and throws it as that JS error")
PL_API(dataNeeded, pl_data_needed, pl_json, (),
       "The data sets the open lab (or a run of the comparison) stopped on because their file is not in the "
       "page's file system yet, `[{name, help, path}]`; the page fetches them (web/files.js) and calls "
       "dataLoaded")
PL_API(
    dataLoaded, pl_data_loaded, pl_message, (pl_text path, pl_text problem),
    "The page wrote the data file `path` (`problem` \"\"): the lab that stopped on it opens again with its "
    "parameters (a comparison restarts). Else `problem` becomes the error of the runs waiting for it: the "
    "page's \"loading\" notice (naming `path`, so they still wait) or why it could not be loaded")
