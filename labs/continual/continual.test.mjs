// Browser test of Lab 6 (continual): replay in class-IL from the URL hash, trained at the lab's defaults; the
// forgetting plot's data (one accuracy series per context, the boundaries) and the final metrics through
// window.plasticity; then fine-tuning, timed (the budget: the whole split run under 60 s). See harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, distinctColours } from '../../tests/e2e/png.mjs';
import { outDir, withApp, evaluate, nextFrames, assertNoErrors, stepToEnd } from '../../tests/e2e/harness.mjs';

const contexts = 5, epochs = 4;  // split MNIST, the lab's default epochs per context

// The run's final metrics, checked finite, and the forgetting plot's series from plasticity.metrics().
async function finishedRun(app, method) {
  const t0 = Date.now();
  const status = await stepToEnd(app, 1e9, 100000);
  const seconds = (Date.now() - t0) / 1000;
  assert.ok(status.done && !status.error, `expected ${method} to finish without an error, status: ${JSON.stringify(status)}`);
  const run = JSON.parse(await evaluate(app, () => plasticity.exportRun('json')));
  const names = ['acc_avg', 'bwt', 'forgetting', ...Array.from({ length: contexts }, (_, t) => `acc_c${t + 1}`)];
  for (const name of names)
    assert.ok(Number.isFinite(run.final[name]), `expected ${method}'s final ${name} to be a number, got ${JSON.stringify(run.final)}`);
  assert.equal(run.acc_matrix.length, contexts, `expected ${contexts} rows of the accuracy matrix, got ${JSON.stringify(run.acc_matrix)}`);
  return { final: run.final, seconds, metrics: await evaluate(app, () => plasticity.metrics()) };
}

test('continual: replay in class-IL keeps the earlier contexts; the forgetting plot\'s data; fine-tuning forgets', { timeout: 1200000 }, () =>
  withApp('continual', 'lab=continual&scenario=class&method=replay', async (app) => {
    assert.equal(await evaluate(app, () => plasticity.status().lab), 'continual', 'expected the hash\'s lab to be open');
    assert.equal(await evaluate(app, () => plasticity.get('method')), 'replay', 'expected method=replay from the URL hash');
    assert.equal(await evaluate(app, () => plasticity.get('scenario')), 'class', 'expected scenario=class from the URL hash');

    const replay = await finishedRun(app, 'replay');
    const e = replay.metrics.epochs;
    // The forgetting plot: one test-accuracy series per context over every epoch of the run ...
    for (let t = 1; t <= contexts; ++t)
      assert.equal(e[`acc_c${t}`]?.length, contexts * epochs, `expected acc_c${t} at each of the ${contexts * epochs} epochs`);
    assert.deepEqual(e.epoch, Array.from({ length: contexts * epochs }, (_, i) => i + 1), 'expected epochs 1..20 over the whole run');
    // ... and the boundaries, where the phase (the context in training) moves on: after every 4th epoch.
    const boundaries = e.phase.flatMap((p, i) => (i > 0 && p !== e.phase[i - 1] ? [e.epoch[i - 1]] : []));
    assert.deepEqual(boundaries, [4, 8, 12, 16], `expected context boundaries after epochs 4, 8, 12, 16, got phases ${JSON.stringify(e.phase)}`);
    // A context not yet trained scores 0 in class-IL (its classes have no active output yet); once trained it
    // stays well above 0 under replay.
    assert.equal(e.acc_c5[epochs * 4 - 1], 0, 'expected context 5 at 0 before its own training');
    // Native figure at these settings (seed 1): see labs/continual/handout.md.
    assert.ok(replay.final.acc_avg >= 0.8, `expected replay's class-IL acc_avg >= 0.8 (the acceptance threshold), got ${replay.final.acc_avg}`);
    for (let t = 1; t <= contexts; ++t)
      assert.ok(replay.final[`acc_c${t}`] > 0.5, `expected replay to keep context ${t} above 50%, got ${JSON.stringify(replay.final)}`);
    console.log(`continual: replay class-IL at defaults took ${replay.seconds.toFixed(1)} s in the browser, acc_avg ${replay.final.acc_avg}`);
    await nextFrames(app);
    const shot = await app.page.screenshot({ path: `${outDir}continual-replay.png` });
    assert.ok(distinctColours(decodePng(shot)) > 50, 'expected the lab to be drawn');

    assert.equal(await evaluate(app, () => plasticity.set('method', 'finetune')), '', 'expected method=finetune to be accepted');
    const finetune = await finishedRun(app, 'finetune');
    console.log(`continual: finetune class-IL, the whole 5-context split run at defaults, took ${finetune.seconds.toFixed(1)} s in the browser (budget 60 s), acc_avg ${finetune.final.acc_avg}`);
    assert.ok(finetune.final.acc_avg <= 0.25, `expected fine-tuning to forget in class-IL (acc_avg <= 0.25), got ${finetune.final.acc_avg}`);
    assert.ok(finetune.final.acc_c5 >= 0.9, `expected fine-tuning's last context >= 0.9, got ${finetune.final.acc_c5}`);
    assert.ok(replay.final.acc_avg > finetune.final.acc_avg + 0.4, `expected replay well above fine-tuning, got ${replay.final.acc_avg} vs ${finetune.final.acc_avg}`);
    assert.ok(finetune.final.forgetting > replay.final.forgetting, `expected fine-tuning to forget more than replay, got ${finetune.final.forgetting} vs ${replay.final.forgetting}`);
    await nextFrames(app);
    await app.page.screenshot({ path: `${outDir}continual-finetune.png` });
    assertNoErrors(app);
  }));
