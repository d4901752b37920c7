// Browser tests of the web build through window.plasticity (web/api.js), in headless Chromium.
// Run: PL_BASE_URL=http://127.0.0.1:PORT node --test tests/e2e/   (scripts/test serves build/web and sets it)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, distinctColours } from './png.mjs';
import { base, outDir, sleep, openApp, withApp, evaluate, nextFrames, assertNoErrors, stepToEnd } from './harness.mjs';

test('b) bad parameters give messages, a malformed hash does not crash', { timeout: 90000 }, () =>
  withApp('messages', 'lab=backprop&epochs=1', async (app, context) => {
    const lr = (await evaluate(app, () => plasticity.labs()))
      .find((l) => l.id === 'backprop')?.params?.find((p) => p.name === 'lr');
    assert.ok(lr && lr.max !== undefined, `expected labs() to list backprop's lr with a max, got ${JSON.stringify(lr)}`);

    const clamped = await evaluate(app, () => plasticity.set('lr', '50'));
    assert.match(clamped, /clamped/, `expected set('lr','50') to say the value was clamped, got "${clamped}"`);
    const lrNow = await evaluate(app, () => plasticity.get('lr'));
    assert.equal(Number(lrNow), Number(lr.max), `expected lr clamped to its maximum ${lr.max}, got "${lrNow}"`);

    const unknown = await evaluate(app, () => plasticity.set('nope', '1'));
    assert.match(unknown, /unknown/, `expected set('nope','1') to say the name is unknown, got "${unknown}"`);
    for (const name of ['lr', 'hidden'])
      assert.ok(unknown.includes(name), `expected the unknown-name message to list valid name '${name}', got "${unknown}"`);

    // The same mistake typed into the address bar of the running page (hashchange -> pl_apply_hash).
    await evaluate(app, () => { location.hash = 'lab=nosuchlab&lr=abc'; });
    await nextFrames(app);
    assert.ok(Array.isArray(await evaluate(app, () => plasticity.labs())), 'expected labs() to still work after a bad hash');
    assertNoErrors(app, { console: false });

    // A page that starts from a malformed hash.
    const bad = await openApp(context, 'lab=nosuchlab&lr=abc');
    await nextFrames(bad);
    const labs = await evaluate(bad, () => plasticity.labs());
    assert.ok(Array.isArray(labs) && labs.length > 0, `expected labs() to answer after a malformed hash, got ${JSON.stringify(labs)}`);
    const st = await evaluate(bad, () => plasticity.status());
    assert.equal(typeof st, 'object', 'expected status() to answer after a malformed hash');
    const overlay = await evaluate(bad, () => !document.getElementById('error').classList.contains('hidden'));
    assert.equal(overlay, false, 'expected no error overlay after a malformed hash');
    assertNoErrors(bad, { console: false });
  }));

test('c) the URL hash follows the parameters and a reload restores them', { timeout: 90000 }, () =>
  withApp('hash', 'lab=backprop&epochs=1', async (app, context) => {
    assert.equal(await evaluate(app, () => plasticity.set('lr', '0.005')), '', "expected set('lr','0.005') to need no message");
    assert.equal(await evaluate(app, () => plasticity.set('hidden', '64')), '', "expected set('hidden','64') to need no message");
    const updated = await app.page.waitForFunction(() => location.hash.includes('lr=0.005'), null, { timeout: 2000 })
      .then(() => true, () => false);
    assert.ok(updated, `expected location.hash to contain lr=0.005 within 2 s, got "${await evaluate(app, () => location.hash)}"`);

    const url = await evaluate(app, () => plasticity.state());
    assert.ok(url.startsWith(base + '/'), `expected state() to start with the page URL ${base}/, got "${url}"`);
    assert.ok(new URL(url).hash.includes('lr=0.005'), `expected state()'s hash to contain lr=0.005, got "${url}"`);
    assertNoErrors(app);

    // Load the shared link in a new page: the lab and the parameters come back.
    const again = await openApp(context, url.slice(url.indexOf('#') + 1));
    const st = await evaluate(again, () => plasticity.status());
    assert.equal(st.lab, 'backprop', `expected backprop after loading ${url}, status: ${JSON.stringify(st)}`);
    assert.equal(await evaluate(again, () => plasticity.get('lr')), '0.005', `expected lr=0.005 after loading ${url}`);
    assert.equal(await evaluate(again, () => plasticity.get('hidden')), '64', `expected hidden=64 after loading ${url}`);
    assertNoErrors(again);
  }));

for (const scale of [1, 2]) {
test(`d) a mouse click on the Start button reaches ImGui (devicePixelRatio ${scale})`, { timeout: 60000 }, () =>
  withApp(`click-dpr${scale}`, 'lab=backprop&epochs=1', async (app) => {
    // High-DPI: the canvas has devicePixelRatio pixels per CSS pixel.
    const [width, innerWidth] = await evaluate(app, () => [Module.canvas.width, window.innerWidth]);
    assert.equal(width, innerWidth * scale, `expected a canvas ${innerWidth * scale} px wide at devicePixelRatio ${scale}`);

    // The app reports its buttons' centres (CSS pixels) once it has laid out a frame.
    const found = await app.page.waitForFunction(() => plasticity.status().buttons?.start, null, { timeout: 10000 })
      .then(() => true, () => false);
    const status = await evaluate(app, () => plasticity.status());
    assert.ok(found, `expected status().buttons.start = [x, y] within 10 s, status: ${JSON.stringify(status)}`);
    const [x, y] = status.buttons.start;

    const mouse = app.page.mouse;
    await mouse.move(x, y);
    await sleep(100);  // ImGui sees the hover on one frame and the press on a later one
    await mouse.down();
    await sleep(100);
    await mouse.up();

    const started = () => app.logs.some((line) => line.trim() === 'ui: start');
    const t0 = Date.now();
    while (!started() && Date.now() - t0 < 2000) await sleep(50);
    assert.ok(started(),
      `expected the console line "ui: start" within 2 s of clicking (${x}, ${y}); last console lines: ` +
      JSON.stringify(app.logs.slice(-5)));
    const st = await evaluate(app, () => plasticity.status());
    assert.ok(st.running || st.done, `expected the lab running (or done) after Start, status: ${JSON.stringify(st)}`);
    assertNoErrors(app);
  }, { deviceScaleFactor: scale }));
}


test('e) a comparison runs one lab per value and exports every run', { timeout: 180000 }, () =>
  withApp('compare', 'lab=backprop&hidden=16&epochs=1&batch=64', async (app) => {
    const message = await evaluate(app, () => plasticity.compare('activation', ['relu', 'tanh']));
    assert.equal(message, '', `expected compare() to start, got: ${message}`);
    const bad = await evaluate(app, () => plasticity.compare('activation', 'relu,nonsense'));
    assert.match(bad, /not a choice/, `expected a message for a bad value, got: ${bad}`);
    assert.equal(await evaluate(app, () => plasticity.compare('activation', 'relu,tanh')), '');
    await stepToEnd(app, 100, 500);
    const status = await evaluate(app, () => plasticity.status());
    assert.equal(status.comparing, 'activation', `expected status().comparing, got ${JSON.stringify(status)}`);
    assert.ok(status.done, `expected the comparison to finish, status: ${JSON.stringify(status)}`);
    const cmp = await evaluate(app, () => plasticity.comparison());
    assert.deepEqual(cmp.runs.map((r) => r.activation), ['relu', 'tanh'], 'expected one run per value, tagged');
    for (const run of cmp.runs) {
      assert.equal(run.metrics.epochs.test_acc.length, 1, 'expected one epoch per run');
      assert.ok(run.final.test_acc > 0.7, `expected each run to learn, got ${run.final.test_acc}`);
    }
    const exported = JSON.parse(await evaluate(app, () => plasticity.exportRun('json')));
    assert.equal(exported.runs.length, 2, 'expected the exported JSON to hold both runs');
    await nextFrames(app);
    const png = await app.page.screenshot({ path: `${outDir}compare.png` });
    assert.ok(distinctColours(decodePng(png)) > 50, 'expected the comparison plots to be drawn');
    assertNoErrors(app);
  }));

test('f) a malformed %-escape in the hash starts the page, with a message; escapes decode per item', { timeout: 90000 }, () =>
  withApp('percent', '%E0%A4%A', async (app, context) => {
    const status = await evaluate(app, () => plasticity.status());
    assert.equal(status.lab, 'backprop', `expected the default lab after a malformed hash, status: ${JSON.stringify(status)}`);
    assertNoErrors(app, { console: false });
    // %31 is "1" and %26 an escaped "&" inside a value: decoded after splitting, so the value is refused whole
    const again = await openApp(context, 'lab=backprop&lr=0.0%31&batch=3%2664');
    assert.equal(await evaluate(again, () => plasticity.get('lr')), '0.01', 'expected lr=0.0%31 to decode to 0.01');
    assert.equal(await evaluate(again, () => plasticity.get('batch')), '32', 'expected batch=3&64 (escaped) to be refused');
    // The same typed into the running page
    await evaluate(again, () => { location.hash = 'lab=backprop&lr=%E0%A4%A'; });
    await nextFrames(again);
    assert.ok((await evaluate(again, () => plasticity.status())).lab === 'backprop', 'expected the page to keep running');
    assertNoErrors(again, { console: false });
    assertNoErrors(app, { console: false });
  }));
