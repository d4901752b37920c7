// window.plasticity: the page's JS API over the C functions of ui/web_api.h (used by the e2e tests too).
// Load order: index.html's inline script defines `Module`, then this file, then plasticity.js (emscripten,
// -sMODULARIZE=0). This file only adds a postRun hook to Module, so it must load before plasticity.js.
// Needs: -sEXPORTED_FUNCTIONS=_main,_pl_labs,...  -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString
(function () {
  'use strict';
  var Module = window.Module || (window.Module = {});
  var c = null;  // the cwrap'ed C functions, set once main has started

  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  ready.catch(function () {});  // a failed start is shown by index.html; don't also report an unhandled rejection

  function api() {
    if (!c) throw new Error('plasticity is not ready yet: await plasticity.ready first');
    return c;
  }

  function parse(what, text) {
    try { return JSON.parse(text); } catch (e) { throw new Error(what + ' returned invalid JSON: ' + text); }
  }

  // Messages from open/set/hash are user mistakes (unknown name, clamped value): warn, never console.error.
  function warned(message) {
    if (message) console.warn(message);
    return message;
  }

  function decode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  window.plasticity = {
    ready: ready,
    labs: function () { return parse('pl_labs', api().labs()); },
    open: function (id) { return warned(api().open(String(id))); },
    set: function (key, value) { return warned(api().set(String(key), String(value))); },
    get: function (key) { return api().get(String(key)); },
    step: function (n) { return parse('pl_step', api().step(n === undefined ? 1 : n | 0)); },
    run: function () { api().run(); },
    pause: function () { api().pause(); },
    metrics: function () { return parse('pl_metrics', api().metrics()); },
    status: function () { return parse('pl_status', api().status()); },
    // The full shareable URL of the current lab and parameters.
    state: function () { return location.origin + location.pathname + '#' + api().state(); },
    exportRun: function (kind) { return api().exportRun(String(kind || 'json')); },
    // One run per value of `key` (values: 'bp,fa,dfa' or ['bp','fa','dfa']), same seed; run() or step() it.
    compare: function (key, values) {
      return warned(api().compare(String(key), Array.isArray(values) ? values.join(',') : String(values)));
    },
    comparison: function () { return parse('pl_comparison', api().comparison()); },
    _fail: function (reason) { rejectReady(new Error(reason)); },  // index.html: WebGL2 missing, load failed
  };

  // Wrap the C functions once the runtime is up; resolve `ready` after main() has run (postRun).
  (Module.postRun = Module.postRun || []).push(function () {
    var w = Module.cwrap;
    c = {
      labs: w('pl_labs', 'string', []),
      open: w('pl_open', 'string', ['string']),
      set: w('pl_set', 'string', ['string', 'string']),
      get: w('pl_get', 'string', ['string']),
      step: w('pl_step', 'string', ['number']),
      run: w('pl_run', null, []),
      pause: w('pl_pause', null, []),
      metrics: w('pl_metrics', 'string', []),
      state: w('pl_state', 'string', []),
      status: w('pl_status', 'string', []),
      applyHash: w('pl_apply_hash', 'string', ['string']),
      exportRun: w('pl_export', 'string', ['string']),
      compare: w('pl_compare', 'string', ['string', 'string']),
      comparison: w('pl_comparison', 'string', []),
    };
    resolveReady(window.plasticity);
  });

  // A failed start (wasm load error, abort) rejects `ready`, so callers don't wait forever.
  var onAbort = Module.onAbort;
  Module.onAbort = function (what) {
    rejectReady(new Error('aborted: ' + what));
    if (onAbort) onAbort(what);
  };

  // An uncaught error before start-up (e.g. plasticity.data missing) also means it will never be ready.
  window.addEventListener('error', function (e) {
    if (!c) rejectReady(new Error(e.message || String(e.error)));
  });

  // Hash edited by the user (or a pasted link on the same page): apply it. The app rewrites the hash itself
  // with history.replaceState, which fires no hashchange; the comparison also skips anything it wrote.
  window.addEventListener('hashchange', function () {
    if (!c) return;  // before start-up the C++ side reads the hash itself
    var hash = location.hash.slice(1);
    var current = c.state();
    if (hash === current || decode(hash) === decode(current)) return;
    warned(c.applyHash(hash));
  });
})();
