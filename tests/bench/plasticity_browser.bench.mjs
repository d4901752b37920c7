// Benchmark, not a test: the plasticity lab's Diehl & Cook, 100 neurons (preset diehl-cook-100), run live in
// headless Chromium through the page, as a student watches it: the wall seconds from opening the page to the
// end of the pass over the 8,000 training digits (the weight grid drawn meanwhile), then to the end of the 2,000
// test digits. Prints one JSON line. Goal: the pass in <= 3 min. Run by tests/bench/run_bench.sh (PL_BASE_URL
// names the served build/web): `PL_BASE_URL=http://127.0.0.1:PORT node --test tests/bench/plasticity_browser.bench.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, evaluate, sleep } from '../e2e/harness.mjs';

const TRAIN_DIGITS = 8000;

test('plasticity bench: Diehl & Cook, 100 neurons, one pass live in the browser', { timeout: 900000 }, () => {
  const opened = Date.now();
  return withApp('plasticity-bench', 'lab=plasticity&preset=diehl-cook-100', async (app) => {
    const trained = () => evaluate(app, () => plasticity.metrics().curve?.digits?.at(-1) ?? 0);
    let train_s = NaN;
    for (let polls = 0; polls < 1800; ++polls) {  // every 0.5 s, up to 15 min
      const status = await evaluate(app, () => plasticity.status());
      assert.ok(!status.error, `expected the run to go on, status: ${JSON.stringify(status)}`);
      if (Number.isNaN(train_s) && (await trained()) >= TRAIN_DIGITS) train_s = (Date.now() - opened) / 1000;
      if (status.done) break;
      await sleep(500);
    }
    const total_s = (Date.now() - opened) / 1000;
    const run = JSON.parse(await evaluate(app, () => plasticity.exportRun('json')));
    console.log(`bench_plasticity_browser: 100 neurons live in headless Chromium: the 8,000-digit pass ${train_s.toFixed(1)} s (${(TRAIN_DIGITS / train_s).toFixed(0)} digits/s), with the 2,000 test digits ${total_s.toFixed(1)} s, test_acc ${run.final.test_acc}`);
    console.log(JSON.stringify({ bench: 'diehl_cook_browser_train', seconds: +train_s.toFixed(2), total_seconds: +total_s.toFixed(2) }));
  });
});
