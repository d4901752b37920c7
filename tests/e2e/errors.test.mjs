// Errors in the page and through the JS API: which page errors are fatal, C++ exceptions as JS Errors, bounded
// step(n), a refused compare() that keeps the running comparison, and a run stopped by an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, evaluate, nextFrames, sleep, assertNoErrors } from './harness.mjs';

const overlayText = (app) => evaluate(app, () => {
  const box = document.getElementById('error');
  return box.classList.contains('hidden') ? '' : box.textContent;
});

// Runs `call` in the page; returns { value } or { thrown: { type, name, message } } (type 'number' for a bare
// C++ exception pointer).
const attempt = (app, call, arg) => evaluate(app, ([source, arg]) => {
  try {
    return { value: (0, eval)(source)(arg) };
  } catch (e) {
    return { thrown: { type: typeof e, name: e?.name, message: e instanceof Error ? e.message : String(e) } };
  }
}, [call.toString(), arg]);

test('a page error that is not fatal is logged, not shown as "stopped"; an exception escaping a frame is', { timeout: 60000 }, () =>
  withApp('nonfatal', 'lab=backprop', async (app) => {
    // A refused browser permission (a rejected promise nobody handles) and a user script's own error.
    await evaluate(app, () => {
      Promise.reject(new Error('Permissions check failed'));
      setTimeout(() => { throw new Error('a user script error'); }, 0);
    });
    await sleep(300);
    await nextFrames(app);
    assert.equal(await overlayText(app), '', 'expected no "Plasticity Lab stopped" overlay for a non-fatal page error');
    assert.ok(app.logs.some((l) => /Permissions check failed/.test(l) && /not fatal/.test(l)),
      `expected the rejected promise logged as not fatal, console: ${JSON.stringify(app.logs.slice(-5))}`);
    const frame = await evaluate(app, () => Browser.mainLoop.currentFrameNumber);
    await nextFrames(app);
    assert.ok(await evaluate(app, () => Browser.mainLoop.currentFrameNumber) > frame, 'expected the app to keep drawing');
    assert.equal((await evaluate(app, () => plasticity.status())).lab, 'backprop', 'expected status() to answer');

    // A frame that throws (here: reading the window size) stops the main loop: that one is fatal.
    await evaluate(app, () => Object.defineProperty(window, 'innerWidth', { get() { throw new Error('broken frame'); } }));
    await sleep(300);
    assert.match(await overlayText(app), /stopped[\s\S]*broken frame/, 'expected the fatal overlay for an exception escaping a frame');
  }));

test('exportRun refuses an unknown kind with an Error listing json, csv', { timeout: 60000 }, () =>
  withApp('export-kind', 'lab=backprop&hidden=16', async (app) => {
    const xml = await attempt(app, (k) => plasticity.exportRun(k), 'xml');
    assert.ok(xml.thrown, `expected exportRun('xml') to throw, it returned ${JSON.stringify(xml.value)?.slice(0, 80)}`);
    assert.equal(xml.thrown.type, 'object', `expected an Error, got ${JSON.stringify(xml.thrown)}`);
    for (const word of ['xml', 'json', 'csv'])
      assert.ok(xml.thrown.message.includes(word), `expected the message to name '${word}', got "${xml.thrown.message}"`);
    assert.ok(JSON.parse(await evaluate(app, () => plasticity.exportRun())).params, 'expected exportRun() to give JSON');
    assert.match(await evaluate(app, () => plasticity.exportRun('csv')), /^# lab=backprop/, "expected exportRun('csv') to give CSV");
    assertNoErrors(app);
  }));

// Leaves about `freeMb` MB of the wasm heap free (the rest held by _malloc) while `body` runs, then frees it.
const withHeapFull = (app, freeMb, body, arg) => evaluate(app, ([freeMb, source, arg]) => {
  const held = [];
  for (const size of [64 << 20, 1 << 20]) for (let p; (p = _malloc(size)); ) held.push(p);
  for (let i = 0; i < freeMb; i++) _free(held.pop());
  try {
    return (0, eval)(source)(arg);
  } finally {
    held.forEach((p) => _free(p));
  }
}, [freeMb, body.toString(), arg]);

test('a C++ exception crosses into JS as an Error with its message (open() out of memory)', { timeout: 120000 }, () =>
  withApp('bad-alloc', 'lab=backprop&hidden=16', async (app) => {
    const r = await withHeapFull(app, 1, () => {
      try {
        return { value: plasticity.open('regularization') };
      } catch (e) {
        return { thrown: { type: typeof e, name: e?.name, message: e instanceof Error ? e.message : String(e) } };
      }
    });
    assert.equal(r.thrown?.type, 'object', `expected open() to throw an Error, not a bare number: ${JSON.stringify(r)}`);
    assert.match(r.thrown.message, /^out of memory: /, `expected a plain out-of-memory message, got ${JSON.stringify(r.thrown)}`);
    assert.equal((await evaluate(app, () => plasticity.status())).lab, 'backprop', 'expected the open lab kept');
    assert.equal(await evaluate(app, () => plasticity.open('regularization')), '', 'expected open() to work again');
    assert.equal(await overlayText(app), '', 'expected no fatal overlay');
    assertNoErrors(app, { console: false });
  }));

test('step(n) works in bounded slices, reports steps_done, and refuses a count that is not one', { timeout: 120000 }, () =>
  withApp('step', 'lab=backprop&hidden=16&epochs=30&batch=64', async (app) => {
    const huge = await evaluate(app, () => {
      const t = performance.now();
      const s = plasticity.step(1e9);
      return { s, ms: performance.now() - t };
    });
    assert.ok(huge.ms < 1000, `expected step(1e9) to return within 1 s, took ${huge.ms.toFixed(0)} ms`);
    assert.equal(huge.s.steps_requested, 1e9, `expected steps_requested 1e9, status: ${JSON.stringify(huge.s)}`);
    assert.ok(huge.s.steps_done > 0 && huge.s.steps_done < 1e9, `expected some steps done, status: ${JSON.stringify(huge.s)}`);

    for (const n of [Infinity, 2 ** 31]) {
      const r = await attempt(app, (n) => plasticity.step(n), n);
      assert.ok(r.value?.steps_done > 0 || r.value?.done, `expected step(${n}) to step, got ${JSON.stringify(r)}`);
    }
    assert.equal((await evaluate(app, () => plasticity.step(0))).steps_done, 0, 'expected step(0) to do nothing');
    for (const [n, shown] of [[-1, '-1'], [1.5, '1.5'], ['x', "'x'"], [NaN, 'NaN']]) {
      const r = await attempt(app, (n) => plasticity.step(n), n);
      assert.equal(r.thrown?.name, 'RangeError', `expected step(${shown}) to throw a RangeError, got ${JSON.stringify(r)}`);
      assert.match(r.thrown.message, /whole number/, `expected the rule in the message, got "${r.thrown.message}"`);
    }

    // A script can loop until the run is done.
    const end = await evaluate(app, () => {
      plasticity.set('epochs', '1');
      let s = plasticity.step(1e6), calls = 1;
      while (!s.done && calls < 1000) s = plasticity.step(1e6), calls++;
      return { s, calls };
    });
    assert.ok(end.s.done && end.s.epochs === 1, `expected the loop to finish the run, got ${JSON.stringify(end)}`);
    assertNoErrors(app);
  }));

test('an invalid compare() keeps the comparison that is running', { timeout: 120000 }, () =>
  withApp('compare-keep', 'lab=backprop&hidden=1024,1024,1024,1024,1024&epochs=1&batch=16', async (app) => {
    assert.equal(await evaluate(app, () => plasticity.compare('seed', '1,2')), '', 'expected the comparison to start');
    await evaluate(app, () => { plasticity.pause(); plasticity.step(4); });
    const before = await evaluate(app, () => plasticity.status());
    const seeds = Array.from({ length: 40 }, (_, i) => i + 1).join(',');  // 40 runs of 4M weights: over the cap
    const invalid = [['nope', '1,2'], ['lr', '0.1'], ['lr', '0.1,abc'], ['seed', seeds]];
    for (const [key, values] of invalid) {
      const r = await attempt(app, ([k, v]) => plasticity.compare(k, v), [key, values]);
      assert.ok(r.thrown ? r.thrown.type === 'object' : /error/.test(r.value),
        `expected compare('${key}', '${values.slice(0, 20)}') to be refused, got ${JSON.stringify(r).slice(0, 200)}`);
      const now = await evaluate(app, () => ({ status: plasticity.status(), runs: plasticity.comparison()?.runs?.length }));
      assert.equal(now.status.comparing, 'seed', `expected the running comparison kept after compare('${key}'), got ${JSON.stringify(now.status)}`);
      assert.equal(now.runs, 2, 'expected its two runs kept');
      assert.equal(now.status.progress, before.progress, 'expected its progress kept');
    }
    // Running, it goes on running.
    const running = await evaluate(app, ([key, values]) => {
      plasticity.run();
      plasticity.compare(key, values);
      return plasticity.status();
    }, invalid[0]);
    assert.ok(running.running && running.comparing === 'seed', `expected the comparison still running, status: ${JSON.stringify(running)}`);
    // Opening a lab ends the comparison of the one before.
    const opened = await evaluate(app, () => (plasticity.open('feedback-alignment'), plasticity.status()));
    assert.equal(opened.comparing, null, `expected no comparison after open(), status: ${JSON.stringify(opened)}`);
    assertNoErrors(app, { console: false });
  }));

test('an exception while stepping stops the run with its message as the lab error, in the API and the frame loop', { timeout: 120000 }, () =>
  withApp('step-exception', 'lab=regularization&hidden=1024,1024,1024,1024,1024&batch=1024&batch_norm=true', async (app) => {
    // Leave the wasm heap ~2 MB: enough to draw, too little for a step of this net (each of its float32
    // activations is 1024 x 1024 x 4 bytes = 4 MB; with 8 MB left a step still fits).
    const run = (how) => withHeapFull(app, 2, (how) => {
      let thrown = null;
      try {
        if (how === 'step') plasticity.step(1);
        else plasticity.run(), Browser.mainLoop.runIter(Browser.mainLoop.func);  // one frame, now
      } catch (e) {
        thrown = typeof e + ': ' + e;
      }
      return { thrown, status: plasticity.status() };
    }, how);
    for (const how of ['step', 'frame']) {
      const r = await run(how);
      assert.equal(r.thrown, null, `expected no exception out of the ${how}, got ${r.thrown}`);
      assert.match(r.status.error, /out of memory/, `expected the lab error to say out of memory, status: ${JSON.stringify(r.status)}`);
      assert.ok(r.status.done && !r.status.running, `expected the run stopped, status: ${JSON.stringify(r.status)}`);
      assert.ok(JSON.parse(await evaluate(app, () => plasticity.exportRun('json'))).final.error, 'expected the export to carry the error');
      await evaluate(app, () => plasticity.set('seed', '2'));  // a reset: the lab works again
      assert.equal((await evaluate(app, () => plasticity.status())).error, '', 'expected the error cleared by a reset');
    }
    assert.equal(await overlayText(app), '', 'expected no fatal overlay');
    assertNoErrors(app, { console: false });
  }));
