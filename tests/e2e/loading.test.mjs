// Browser tests of the page's loading (web/files.js, issue 15): the bytes of a first load, each data set fetched
// only when a lab first needs it (and once), its progress bar, a missing or corrupt data file, and the offline page
// (scripts/build-web --single-file) opened from file://. Python's http.server sends no gzip: the bytes counted are
// the bodies of the files as sent. Writes out/loading-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodePng, distinctColours } from './png.mjs';
import { base, outDir, withApp, evaluate, nextFrames, assertNoErrors } from './harness.mjs';

const firstLoadLimit = 2.5e6;  // bytes, for a lab that needs only the digits (issue 15)
const readyLimitMs = 1500;     // on localhost, the best of up to five loads (the machine is shared)
const offlinePage = fileURLToPath(new URL('../../build/web/plasticity-offline.html', import.meta.url));
const digitsFile = fileURLToPath(new URL('../../data/mnist-subset.bin', import.meta.url));

const fileOf = (url) => new URL(url).pathname.split('/').pop();

// Opens `url` in a fresh context (an empty cache) at 1280 x 800 and waits for plasticity.ready; returns the page,
// the files it received with their body sizes, and the time from navigation to ready.
async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const received = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) received.push({ url: request.url(), file: fileOf(request.url()), bytes: sizes.responseBodySize });
  });
  await page.goto(url);
  const readyMs = await page.evaluate(() => window.plasticity.ready.then(() => performance.now()));
  return { context, page, received, readyMs };
}

const total = (received) => received.reduce((sum, r) => sum + r.bytes, 0);
const count = (received, file) => received.filter((r) => r.file === file).length;

// First loads of #lab=backprop (up to `loads`, until one is ready within readyLimitMs: the machine is shared, so
// the best of several is the page's time): the digits fetched once, no Fashion-MNIST.
async function firstLoads(browser, loads) {
  const done = [];
  while (done.length < loads && !done.some((l) => l.readyMs <= readyLimitMs)) {
    const first = await load(browser, `${base}/#lab=backprop`);
    await first.page.waitForTimeout(300);  // anything fetched after ready would be counted too
    const status = await first.page.evaluate(() => plasticity.status());
    assert.equal(status.lab, 'backprop');
    assert.equal(status.error, '', `expected the digits loaded before ready, status: ${JSON.stringify(status)}`);
    const files = first.received.map((r) => `${r.file} ${r.bytes}`).join(', ');
    console.log(`first load of #lab=backprop: ${total(first.received)} bytes (${files}), ready at ${first.readyMs.toFixed(0)} ms`);
    assert.equal(count(first.received, 'mnist-subset.bin.gz'), 1, `expected the digits fetched once: ${files}`);
    assert.equal(count(first.received, 'fashion-subset.bin.gz'), 0, `expected no Fashion-MNIST: ${files}`);
    done.push({ bytes: total(first.received), files, readyMs: first.readyMs });
    await first.context.close();
  }
  return done;
}

test('a first load fetches the digits once, no Fashion-MNIST, and is ready within 1.5 s; a lab without data fetches none', { timeout: 120000 }, () =>
  withApp('loading-first', 'lab=neurons', async (app, context) => {
    const times = (await firstLoads(context.browser(), 5)).map((l) => l.readyMs);
    assert.ok(Math.min(...times) <= readyLimitMs, `expected ready within ${readyLimitMs} ms, got ${times.map(Math.round)}`);
    const none = await load(context.browser(), `${base}/#lab=neurons`);
    await none.page.waitForTimeout(300);
    const names = none.received.map((r) => r.file);
    console.log(`first load of #lab=neurons: ${total(none.received)} bytes (${names.join(', ')})`);
    assert.ok(!names.some((f) => /subset\.bin\.gz$/.test(f)), `expected no data set fetched: ${names}`);
    await none.context.close();
  }));

// The goal. The digits travel in the masked layout (scripts/web_files.py) and come out of the page's
// decoder as the very bytes of data/mnist-subset.bin, which the engine reads.
test('a first load of the digits lab sends at most 2.5 MB, and the page restores the digits file exactly', { timeout: 120000 }, () =>
  withApp('loading-bytes', 'lab=neurons', async (app, context) => {
    const [first] = await firstLoads(context.browser(), 1);
    assert.ok(first.bytes <= firstLoadLimit, `expected at most ${firstLoadLimit} bytes, got ${first.bytes}: ${first.files}`);
    const sha256 = await evaluate(app, () => plasticity.open('backprop') || plasticity.loaded().then(async () => {
      const digest = await crypto.subtle.digest('SHA-256', Module.FS.readFile('/data/mnist-subset.bin'));
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    }));
    assert.equal(sha256, createHash('sha256').update(readFileSync(digitsFile)).digest('hex'),
      'expected the page\'s /data/mnist-subset.bin to be the bytes of data/mnist-subset.bin');
  }));

test('a Fashion-MNIST mode fetches its file once, with a progress bar, then trains', { timeout: 120000 }, () =>
  withApp('loading-fashion', 'lab=surrogate-spikes&hidden=30&epochs=1&batch=64', async (app, context) => {
    const fetched = [];
    app.page.on('request', (r) => fetched.push(fileOf(r.url())));
    assert.equal(await evaluate(app, () => plasticity.status().error), '', 'expected the digits mode ready');
    // Slow the network so the bar can be seen (4.0 MB at 1 MB/s).
    const cdp = await context.newCDPSession(app.page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 1e6, uploadThroughput: -1 });
    await evaluate(app, () => { window.fashionLoaded = (plasticity.set('dataset', 'fashion'), plasticity.loaded()); });
    const bar = await app.page.waitForFunction(() => {
      const text = document.getElementById('progress-text').textContent;
      return !document.getElementById('progress').classList.contains('hidden') && / of /.test(text) && text;
    }, null, { timeout: 10000 }).then((handle) => handle.jsonValue());
    assert.match(bar, /^Loading Fashion-MNIST subset… [0-9.]+ of 4\.0 MB$/, `expected the bar to name the data set, got "${bar}"`);
    await app.page.screenshot({ path: `${outDir}loading-progress-1280.png` });
    await app.page.setViewportSize({ width: 800, height: 900 });
    await app.page.screenshot({ path: `${outDir}loading-progress-800.png` });
    await evaluate(app, () => window.fashionLoaded);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    assert.equal(await evaluate(app, () => document.getElementById('progress').classList.contains('hidden')), true,
      'expected the bar gone once loaded');
    const status = await evaluate(app, () => (plasticity.step(3), plasticity.status()));
    assert.equal(status.error, '', `expected the Fashion-MNIST mode to run, status: ${JSON.stringify(status)}`);
    assert.equal(await evaluate(app, () => plasticity.get('dataset')), 'fashion', 'expected the parameter kept');
    // Back to the digits and to Fashion-MNIST again: the file is in the page already.
    await evaluate(app, () => (plasticity.set('dataset', 'mnist'), plasticity.set('dataset', 'fashion'), plasticity.loaded()));
    await nextFrames(app);
    assert.equal(fetched.filter((f) => f === 'fashion-subset.bin.gz').length, 1, `expected Fashion-MNIST fetched once: ${fetched}`);
    assert.equal(await evaluate(app, () => plasticity.status().error), '');
    const shot = await app.page.screenshot({ path: `${outDir}loading-fashion-800.png` });
    assert.ok(distinctColours(decodePng(shot)) > 50, 'expected the lab drawn');
    await app.page.setViewportSize({ width: 1280, height: 800 });
    await nextFrames(app);
    await app.page.screenshot({ path: `${outDir}loading-fashion-1280.png` });
    assertNoErrors(app);
  }));

// A data file the server does not have, or one that is not gzip: the lab's error, loaded()'s rejection and the
// notice name the file and the problem; the page keeps running.
for (const [kind, reply, problem] of [
  ['missing', { status: 404, body: 'no such file' }, /fashion-subset\.bin\.gz: HTTP 404/],
  ['corrupt', { status: 200, body: 'this is not gzip data' }, /fashion-subset\.bin\.gz is not a valid gzip file/],
]) {
  test(`a ${kind} data file gives a clear message in the page and from the JS API`, { timeout: 60000 }, () =>
    withApp(`loading-${kind}`, 'lab=neurons', async (app) => {
      await app.page.route('**/fashion-subset.bin.gz', (route) => route.fulfill(reply));
      const r = await evaluate(app, () => {
        plasticity.open('surrogate-spikes');
        plasticity.set('dataset', 'fashion');
        return plasticity.loaded().then(() => 'resolved', (e) => e.message);
      });
      assert.match(r, /^Fashion-MNIST subset could not be loaded: /, `expected loaded() to reject, got "${r}"`);
      assert.match(r, problem);
      const status = await evaluate(app, () => plasticity.status());
      assert.equal(status.error, r, 'expected the lab\'s error to say the same');
      const notice = await evaluate(app, () => !document.getElementById('notice').classList.contains('hidden') &&
        document.getElementById('notice-text').textContent);
      assert.equal(notice, r, 'expected the notice over the page to say the same');
      await nextFrames(app);
      assert.equal(await evaluate(app, () => document.getElementById('error').classList.contains('hidden')), true,
        'expected no fatal overlay: the page keeps running');
      if (kind === 'missing') await app.page.screenshot({ path: `${outDir}loading-missing.png` });
      assert.equal(await evaluate(app, () => plasticity.open('neurons')), '', 'expected another lab to open');
      assertNoErrors(app, { console: false });  // the browser logs the failed request as a console error
    }));
}

test('the offline page runs Lab 1 from file:// and says it has no Fashion-MNIST', { timeout: 120000 }, () =>
  withApp('loading-offline', 'lab=neurons', async (app, context) => {
    assert.ok(existsSync(offlinePage), `expected ${offlinePage}: scripts/build-web --single-file writes it`);
    const offline = await load(context.browser(), `file://${offlinePage}#lab=backprop&hidden=16&epochs=1&batch=64`);
    const page = offline.page, errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    console.log(`offline page ready at ${offline.readyMs.toFixed(0)} ms`);
    let status = await page.evaluate(() => plasticity.status());
    assert.equal(status.error, '', `expected the digits from the page itself, status: ${JSON.stringify(status)}`);
    const stepped = await page.evaluate(() => plasticity.step(20));
    assert.ok(stepped.steps_done > 0 && stepped.progress > 0 && stepped.error === '', `expected Lab 1 to train: ${JSON.stringify(stepped)}`);
    const shot = await page.screenshot({ path: `${outDir}loading-offline.png` });
    assert.ok(distinctColours(decodePng(shot)) > 50, 'expected the lab drawn');
    const r = await page.evaluate(() => {
      plasticity.open('surrogate-spikes');
      plasticity.set('dataset', 'fashion');
      return plasticity.loaded().then(() => 'resolved', (e) => e.message);
    });
    assert.match(r, /this offline file has no Fashion-MNIST subset; use the served page/);
    assert.deepEqual(errors, [], 'expected no page errors');
    const served = offline.received.filter((x) => !/^(file|data):/.test(x.url)).map((x) => x.url);
    assert.deepEqual(served, [], 'expected nothing fetched from a server');
    await offline.context.close();
  }));
