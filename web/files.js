// The page's files besides plasticity.js, each a gzip file: the wasm, the start-up pack (font, handouts) and the
// data sets (in a layout that gzips better, restored here). Each is fetched with its progress on the bar, unpacked
// by the browser (DecompressionStream) and written into the Emscripten file system where the C++ side reads it.
// A data set is fetched when a lab first needs it: the lab stops on its missing file (pl_data_needed lists it),
// and opens again once it is written (pl_data_loaded). The offline page (scripts/build-web --single-file) holds
// its files in <script type="application/octet-stream" id="pl-file-NAME"> elements instead, and its wasm in
// plasticity.js.
// Load order: after index.html's inline script (Module, showError), before plasticity.js.
(function () {
  'use strict';
  var Module = window.Module;
  var offline = !!document.getElementById('pl-app');

  // The progress bar: the bytes received of every download in flight, by title.
  var downloads = {};
  var bar = document.getElementById('progress');
  function showProgress() {
    var titles = Object.keys(downloads), received = 0, total = 0;
    titles.forEach(function (t) { received += downloads[t].received; total += downloads[t].total; });
    bar.classList.toggle('hidden', titles.length === 0);
    var mb = function (bytes) { return (bytes / 1e6).toFixed(1); };
    document.getElementById('progress-text').textContent =
      'Loading ' + titles.join(', ') + '… ' + mb(received) + (total ? ' of ' + mb(total) : '') + ' MB';
    document.getElementById('progress-fill').style.width = (total ? 100 * received / total : 0) + '%';
  }

  function gunzip(stream, name) {
    return new Response(stream.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then(
      function (bytes) { return new Uint8Array(bytes); },
      function (e) { throw new Error(name + ' is not a valid gzip file (' + (e && e.message || e) + ')'); });
  }

  function embedded(name, title) {
    var element = document.getElementById('pl-file-' + name);
    if (!element) return Promise.reject(new Error('this offline file has no ' + title + '; use the served page'));
    var text = atob(element.textContent), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
    return gunzip(new Blob([bytes]).stream(), name);
  }

  // The unpacked bytes of the gzip file `name` (next to the page, or in the offline page); `title` on the bar.
  function fetchGz(name, title) {
    if (offline) return embedded(name, title);
    var download = downloads[title] = { received: 0, total: 0 };
    showProgress();
    return fetch(name).catch(function (e) {
      throw new Error(name + ' could not be downloaded (' + e.message + ')');
    }).then(function (response) {
      if (!response.ok) throw new Error(name + ': HTTP ' + response.status + ' ' + response.statusText);
      download.total = Number(response.headers.get('Content-Length')) || 0;
      return gunzip(response.body.pipeThrough(new TransformStream({
        transform: function (chunk, out) { download.received += chunk.byteLength; showProgress(); out.enqueue(chunk); },
      })), name);
    }).finally(function () { delete downloads[title]; showProgress(); });
  }

  function writeFile(path, bytes) {
    Module.FS.mkdirTree(path.slice(0, path.lastIndexOf('/')));
    Module.FS.writeFile(path, bytes);
  }

  // The pack (scripts/web_files.py): u32 little-endian length of a JSON index [[path, size], ...], the index,
  // then the files' bytes in order.
  function unpack(bytes) {
    var indexLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
    var at = 4 + indexLength;
    JSON.parse(new TextDecoder().decode(bytes.subarray(4, at))).forEach(function (entry) {
      writeFile(entry[0], bytes.subarray(at, at + entry[1]));
      at += entry[1];
    });
  }

  // Runs plasticity.js: its text from plasticity.js.gz, or the offline page's element pl-app; named so, the
  // errors it throws carry its name (index.html tells its errors from others by it).
  function runApp() {
    var inlined = document.getElementById('pl-app');
    var text = inlined ? Promise.resolve(inlined.textContent) : fetchGz('plasticity.js.gz', 'the app (script)')
      .then(function (bytes) { return new TextDecoder().decode(bytes); });
    return text.then(function (code) {
      var script = document.createElement('script');
      script.textContent = code + '\n//# sourceURL=plasticity.js';
      document.body.appendChild(script);
    });
  }

  function startFailed(e) {
    showError('Could not load Plasticity Lab', e.message + '\n\nCheck the connection and reload the page.');
    window.plasticity._fail(e.message);
  }

  // Start-up: the pack and the wasm download while plasticity.js loads; main() waits for both.
  var pack = fetchGz('startup.pack.gz', 'fonts and handouts');
  (Module.preRun = Module.preRun || []).push(function () {
    Module.addRunDependency('startup.pack.gz');
    pack.then(function (bytes) {
      unpack(bytes);
      Module.removeRunDependency('startup.pack.gz');
    }).catch(startFailed);
  });
  if (!offline) {
    var wasm = fetchGz('plasticity.wasm.gz', 'the app (wasm)');
    Module.instantiateWasm = function (imports, receive) {
      wasm.then(function (bytes) { return WebAssembly.instantiate(bytes, imports); })
        .then(function (result) { receive(result.instance, result.module); }).catch(startFailed);
      return {};  // the exports arrive later, through receive
    };
  }

  // A data set that could not be loaded: a notice over the page until closed (the lab's error says it too).
  function showNotice(text) {
    document.getElementById('notice-text').textContent = text;
    document.getElementById('notice').classList.remove('hidden');
  }
  document.getElementById('notice-close').addEventListener('click', function () {
    document.getElementById('notice').classList.add('hidden');
  });

  // A data set arrives in the masked layout (scripts/web_files.py, masked_images): 'PLMASKED', u32 LE count, the
  // count labels, per image and row 4 bytes of bits (pixel != 0, column 0 in bit 7 of the first byte), then the
  // nonzero pixels in order. Restored here to the file the engine reads: 'PLDIGIT1', the count, per image its
  // label and 28 x 28 pixels.
  var imageSide = 28, rowMaskBytes = 4;
  function unmaskImages(bytes, name) {
    if (new TextDecoder().decode(bytes.subarray(0, 8)) !== 'PLMASKED')
      throw new Error(name + ' is not an image file in the masked layout (PLMASKED)');
    var count = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    var record = 1 + imageSide * imageSide;
    var out = new Uint8Array(12 + count * record);
    out.set(new TextEncoder().encode('PLDIGIT1'));
    out.set(bytes.subarray(8, 12), 8);
    var mask = 12 + count, pixel = mask + count * imageSide * rowMaskBytes, at = 12;
    for (var i = 0; i < count; ++i) {
      out[at++] = bytes[12 + i];
      for (var row = 0; row < imageSide; ++row, mask += rowMaskBytes)
        for (var column = 0; column < imageSide; ++column, ++at)
          if (bytes[mask + (column >> 3)] & (0x80 >> (column & 7))) out[at] = bytes[pixel++];
    }
    if (pixel !== bytes.length) throw new Error(name + ' is damaged: its masks do not match its pixels');
    return out;
  }

  var loading = {};  // data file path -> the promise of its load in flight

  // One data set of pl_data_needed ({name, help, path}): fetched from <file name>.gz, written to `path`; then
  // the lab waiting for it opens again, or takes the problem as its error. Meanwhile its error says it loads
  // (naming `path`, so the lab still waits for it; the problem does not name it, so it is not fetched again
  // until the lab asks anew).
  function loadDataSet(set) {
    if (loading[set.path]) return loading[set.path];
    var title = set.help.split(':')[0];
    var file = set.path.slice(set.path.lastIndexOf('/') + 1) + '.gz';
    var loaded = function (problem) {
      delete loading[set.path];
      window.plasticity.dataLoaded(set.path, problem);  // its messages are warned about by api.js
    };
    window.plasticity.dataLoaded(set.path, 'Loading the ' + title + ' (' + set.path + ') into the page…');
    var restored = fetchGz(file, title).then(function (bytes) { return unmaskImages(bytes, file); });
    loading[set.path] = restored.then(function (bytes) {
      writeFile(set.path, bytes);
      loaded('');
    }, function (e) {
      var problem = title + ' could not be loaded: ' + e.message;
      console.warn('Plasticity Lab: ' + problem);
      showNotice(problem);
      loaded(problem);
      throw new Error(problem);
    });
    return loading[set.path];
  }

  window.PlasticityFiles = {
    runApp: runApp,
    // Loads every data set the open lab (or comparison) waits for, again while reopening it asks for more (Lab
    // 3 reads the digits, then Fashion-MNIST); resolves once none is missing, rejects with the first problem.
    loadNeeded: function loadNeeded() {
      return new Promise(function (resolve) { resolve(window.plasticity.dataNeeded()); }).then(function (sets) {
        if (sets.length) return Promise.all(sets.map(loadDataSet)).then(loadNeeded);
      });
    },
  };

  // After every frame: a lab opened or changed in the UI may need a data set now.
  var postMainLoop = Module.postMainLoop;
  Module.postMainLoop = function () {
    if (postMainLoop) postMainLoop();
    if (window.plasticity.dataNeeded) window.PlasticityFiles.loadNeeded().catch(function () {});  // shown by loadDataSet
  };
})();
