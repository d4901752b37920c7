// window.plasticity: the page's JS API over the C functions listed in ui/web_api_list.h (docs/api.md); the
// e2e tests use it too. The wrappers come from that list, which pl_api() returns as JSON.
// Load order: index.html's inline script defines `Module`, then this file and files.js (the data sets), then
// plasticity.js (emscripten, -sMODULARIZE=0). This file adds a postRun hook to Module, so it must load before
// plasticity.js.
// Needs: -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString (ui/CMakeLists.txt exports the list's functions).
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

  // One function of the list: arguments converted to their declared types (a number stays as given, anything
  // else is NaN: the C side refuses what it cannot take, naming the rule), the reply to its kind. A C++
  // exception of the call (pl_failure) is thrown as the JS error it names.
  var cwrapTypes = { text: 'string', json: 'string', message: 'string', number: 'number', void: null };
  var argument = { text: String, number: function (n) { return typeof n === 'number' ? n : NaN; } };
  var reply = {
    json: parse,
    message: function (what, text) { return warned(text); },
  };
  var errorTypes = { Error: Error, RangeError: RangeError };
  function throwFailure() {
    var failure = parse('pl_failure', Module.ccall('pl_failure', 'string', [], []));
    if (failure) throw new (errorTypes[failure.name] || Error)(failure.message);
  }
  function wrap(f) {
    var call = Module.cwrap(f.c, cwrapTypes[f.returns], f.params.map(function (p) { return cwrapTypes[p.type]; }));
    return function () {
      var given = arguments;
      var result = call.apply(null, f.params.map(function (p, i) { return argument[p.type](given[i]); }));
      throwFailure();
      return reply[f.returns] ? reply[f.returns](f.c, result) : result;
    };
  }

  function decode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  // The methods, usable once `ready` resolves; those below add a convenience to the list's plain wrapper.
  window.plasticity = {
    ready: ready,
    labs: function () { return api().labs(); },
    open: function (id) { return api().open(id); },
    set: function (key, value) { return api().set(key, value); },
    get: function (key) { return api().get(key); },
    step: function (n) { return api().step(n === undefined ? 1 : n); },
    run: function () { api().run(); },
    pause: function () { api().pause(); },
    metrics: function () { return api().metrics(); },
    status: function () { return api().status(); },
    // The full shareable URL of the current lab and parameters.
    state: function () { return location.origin + location.pathname + '#' + api().state(); },
    exportRun: function (kind) { return api().exportRun(kind || 'json'); },
    // One run per value of `key` (values: 'bp,fa,dfa' or ['bp','fa','dfa']), same seed; run() or step() it.
    compare: function (key, values) { return api().compare(key, Array.isArray(values) ? values.join(',') : values); },
    comparison: function () { return api().comparison(); },
    // A Promise: resolves once every data set the open lab (or comparison) needs is loaded, at once if none;
    // rejects with the reason when one cannot be (the lab's error says it too).
    loaded: function () { api(); return window.PlasticityFiles.loadNeeded(); },
    _fail: function (reason) { rejectReady(new Error(reason)); },  // index.html: WebGL2 missing, a fatal error
  };

  // Wrap every function of the list once the runtime is up (a function new to the list also becomes a method
  // of window.plasticity); resolve `ready` after main() has run (postRun).
  (Module.postRun = Module.postRun || []).push(function () {
    var list = parse('pl_api', Module.ccall('pl_api', 'string', [], []));
    var wrapped = {};
    list.forEach(function (f) {
      wrapped[f.js] = wrap(f);
      if (!(f.js in window.plasticity)) window.plasticity[f.js] = wrapped[f.js];
    });
    c = wrapped;
    // Ready once the data the opening lab needs is in (web/files.js); a data set that cannot be loaded is the
    // lab's error, the app still runs.
    // Frames wait meanwhile: the loading overlay hides them, and drawing them would slow the download.
    Module.pauseMainLoop();
    window.PlasticityFiles.loadNeeded().catch(function () {}).then(function () {
      Module.resumeMainLoop();
      resolveReady(window.plasticity);
    });
  });

  // A failed start (wasm load error, abort) rejects `ready`, so callers don't wait forever.
  var onAbort = Module.onAbort;
  Module.onAbort = function (what) {
    rejectReady(new Error('aborted: ' + what));
    if (onAbort) onAbort(what);
  };

  // Hash edited by the user (or a pasted link on the same page): apply it. The app rewrites the hash itself
  // with history.replaceState, which fires no hashchange; the comparison also skips anything it wrote.
  window.addEventListener('hashchange', function () {
    if (!c) return;  // before start-up the C++ side reads the hash itself
    var hash = location.hash.slice(1);
    var current = c.state();
    if (hash === current || decode(hash) === decode(current)) return;
    try {
      c.applyHash(hash);  // its messages are warned about
    } catch (e) {
      console.warn('the URL hash could not be applied: ' + e.message);
    }
  });
})();
