// The reference arithmetic (issue 15): the CLI of the `native` preset (PL_REFERENCE, glibc + GCC) and the page
// (Emscripten: musl + clang, wasm) log the same numbers for the same seed. One short run of every ready lab (an
// epoch, or a short simulation) in both: the page's exported run must equal the CLI's --out file in its params,
// every metric series, its final metrics and its metrics_digest (FNV-1a of the bits of every logged value), the
// columns that time the machine (epoch_s, sim_speed, samples_per_s) left out. PL_CLI names the CLI (default
// build/native's). See harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { withApp, evaluate, assertNoErrors } from './harness.mjs';

const cli = process.env.PL_CLI || fileURLToPath(new URL('../../build/native/labs/plasticity-cli', import.meta.url));
const wallClock = new Set(['epoch_s', 'sim_speed', 'samples_per_s']);
const kStepsPerCall = 1e6;  // step() returns after a bounded slice however many are asked for
const kMaxCalls = 2000;

// One run per lab: [lab, settings], short enough for the page (seconds), and using the lab's transcendental
// functions (softmax, tanh, softplus, rotations, the neuron models' exponentials).
const runs = [
  ['backprop', { activation: 'tanh', epochs: '1' }],
  ['feedback-alignment', { epochs: '1' }],
  ['bayes-by-backprop', { epochs: '200' }],
  ['regularization', { epochs: '2', augment: 'true', dropout: '0.2' }],
  ['surrogate-spikes', { epochs: '1' }],
  ['continual', { epochs: '1' }],
  ['target-prop', { epochs: '1' }],
  ['neurons', { model: 'hh', duration: '100' }],
  ['neurons', { network: 'cuba', duration: '100' }],
  ['plasticity', { rule: 'oja' }],
  ['plasticity', { preset: 'diehl-cook-quick', train_digits: '200', test_digits: '200' }],
];

// The run without the machine's timings: {params, metrics, metrics_digest, final}
function comparable(run) {
  const metrics = {};
  for (const [log, columns] of Object.entries(run.metrics))
    metrics[log] = Object.fromEntries(Object.entries(columns).filter(([column]) => !wallClock.has(column)));
  const final = Object.fromEntries(Object.entries(run.final).filter(([key]) => !wallClock.has(key) && key !== 'undefined'));
  return { params: run.params, metrics, metrics_digest: run.metrics_digest, final };
}

// The first place two comparable runs differ, for the message
function firstDifference(a, b, path = '') {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return Object.is(a, b) ? '' : `${path}: CLI ${JSON.stringify(a)}, page ${JSON.stringify(b)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(a[key], b[key], `${path}.${key}`);
    if (d) return d;
  }
  return '';
}

const dir = mkdtempSync(`${tmpdir()}/pl-reference-`);
for (const [lab, settings] of runs) {
  const hash = `lab=${lab}&` + Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('&');
  test(`reference arithmetic: ${hash} logs the same bits natively (CLI) and in the page`, { timeout: 300000 }, () =>
    withApp(`reference-${lab}`, hash, async (app) => {
      assert.ok(existsSync(cli), `expected the reference CLI at ${cli} (cmake --preset native && cmake --build --preset native), or set PL_CLI`);
      const out = `${dir}/${lab}-${Object.values(settings).join('-')}.json`;
      execFileSync(cli, ['run', lab, ...Object.entries(settings).flatMap(([k, v]) => ['--set', `${k}=${v}`]), '--out', out], { stdio: 'ignore' });
      const native = comparable(JSON.parse(readFileSync(out, 'utf8')));

      const status = await evaluate(app, ([n, calls]) => {
        plasticity.pause();  // a live lab runs from the moment it opens: stepped here instead, to its end
        let s = plasticity.status();
        for (let call = 0; call < calls && !s.done; ++call) s = plasticity.step(n);
        return s;
      }, [kStepsPerCall, kMaxCalls]);
      assert.ok(status.done && !status.error, `expected the page's run to finish, status: ${JSON.stringify(status)}`);
      const page = comparable(JSON.parse(await evaluate(app, () => plasticity.exportRun('json'))));

      const where = firstDifference(native, page);
      assert.equal(where, '', `expected the page to log the CLI's numbers; first difference at ${where}`);
      assert.equal(page.metrics_digest, native.metrics_digest);
      console.log(`reference: ${hash}: digest ${page.metrics_digest} in both, final ${JSON.stringify(page.final)}`);
      assertNoErrors(app);
    }));
}
