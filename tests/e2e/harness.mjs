// Shared set-up of the browser tests (*.test.mjs): one headless Chromium per test file, pages on PL_BASE_URL
// with their console recorded, and small helpers. scripts/test serves build/web and sets PL_BASE_URL. In a
// student's copy a test whose lab stopped on an exercise still a stub is skipped with the exercise it needs.
import { before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';
import { decodePng, distinctColours } from './png.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

export const base = (process.env.PL_BASE_URL || '').replace(/\/+$/, '');
export const outDir = here + 'out/';

let browser;
before(async () => {
  assert.ok(base, 'expected env PL_BASE_URL (the served build/web, e.g. http://127.0.0.1:8123); scripts/test sets it');
  mkdirSync(outDir, { recursive: true });
  browser = await launchChromium();
});
after(async () => { await browser?.close(); });
let currentTest;  // the running test's context (a file's tests run one at a time), for withApp's skip
beforeEach((t) => { currentTest = t; });

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A fresh page on `${base}/#hash`, with every console message and page error recorded, once plasticity.ready.
export async function openApp(context, hash) {
  const page = await context.newPage();
  const app = { page, logs: [], consoleErrors: [], pageErrors: [] };
  page.on('console', (m) => {
    app.logs.push(m.text());
    if (m.type() === 'error') app.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => app.pageErrors.push(String(e)));
  await page.goto(`${base}/#${hash}`);
  await waitReady(app);
  return app;
}

async function waitReady(app) {
  const started = await app.page.evaluate(() => Promise.race([
    window.plasticity.ready.then(() => 'ok', (e) => 'plasticity.ready rejected: ' + e.message),
    new Promise((r) => setTimeout(() => r('plasticity.ready not resolved after 60 s'), 60000)),
  ]));
  assert.equal(started, 'ok', `expected the app to start; ${started}; page errors: ${app.pageErrors.join(' | ')}`);
}

// "needs exercise ID (FILE), not written yet" when the page's lab stopped on an exercise that is still a stub
// (its notice "Exercise ID is not implemented yet: FILE" in plasticity.status().error), else ''.
async function stubNotice(app) {
  const error = await evaluate(app, () => plasticity.status().error).catch(() => '');
  const stub = /Exercise (\S+) is not implemented yet: (\S+)/.exec(error || '');
  return stub ? `needs exercise ${stub[1]} (${stub[2]}), not written yet` : '';
}

// Runs `body(app)` on a new page in its own browser context; saves a screenshot if it fails. A failure where
// the lab stopped on a stub (a student's copy; never in the reference, which has none) skips the test.
export async function withApp(name, hash, body, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  let app;
  try {
    app = await openApp(context, hash);
    await body(app, context);
  } catch (e) {
    const notice = app ? await stubNotice(app) : '';
    if (notice) return currentTest.skip(notice);
    if (app) await app.page.screenshot({ path: `${outDir}${name}-failure.png` }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

export const evaluate = (app, fn, arg) => app.page.evaluate(fn, arg);
export const nextFrames = (app) => evaluate(app, () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

export function assertNoErrors(app, { console = true } = {}) {
  assert.deepEqual(app.pageErrors, [], `expected no uncaught page errors, got: ${app.pageErrors.join(' | ')}`);
  if (console) assert.deepEqual(app.consoleErrors, [], `expected no console errors, got: ${app.consoleErrors.join(' | ')}`);
}

// Steps the open lab (or comparison) in the page, step(n) after step(n), until it is done or n * maxCalls
// steps are done (a call may do fewer than n: step() returns after a bounded slice); returns
// plasticity.status().
export const stepToEnd = (app, n, maxCalls) => evaluate(app, ([n, maxCalls]) => {
  for (let left = n * maxCalls; left > 0 && !plasticity.status().done;) left -= plasticity.step(Math.min(n, left)).steps_done;
  return plasticity.status();
}, [n, maxCalls]);

// Waits for the live lab to finish by itself (no step() calls), up to `seconds`; returns plasticity.status().
export async function finishes(app, seconds) {
  for (let waited = 0; waited < seconds * 10; ++waited) {
    const status = await evaluate(app, () => plasticity.status());
    if (status.done) return status;
    await sleep(100);
  }
  return evaluate(app, () => plasticity.status());
}

// The page at 1280 x 800 (checked to be drawn), then at 800 x 1000: out/<name>-1280.png, out/<name>-800.png.
export async function screenshots(app, name) {
  await nextFrames(app);
  const shot = await app.page.screenshot({ path: `${outDir}${name}-1280.png` });
  assert.ok(distinctColours(decodePng(shot)) > 50, 'expected the lab to be drawn');
  await app.page.setViewportSize({ width: 800, height: 1000 });
  await nextFrames(app);
  await app.page.screenshot({ path: `${outDir}${name}-800.png` });
}
