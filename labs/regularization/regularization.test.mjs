// Browser test of Lab 4 (regularization): opened from the URL hash, trained and compared through window.plasticity. See harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, distinctColours } from '../../tests/e2e/png.mjs';
import { outDir, withApp, evaluate, nextFrames, assertNoErrors, stepToEnd } from '../../tests/e2e/harness.mjs';

test('regularization opens from the URL hash, trains, and compares presets in a results table', { timeout: 300000 }, () =>
  withApp('regularization', 'lab=regularization&train_size=500&epochs=3&preset=recommended', async (app) => {
    assert.equal(await evaluate(app, () => plasticity.status().lab), 'regularization', 'expected the hash\'s lab to be open');
    assert.equal(await evaluate(app, () => plasticity.get('preset')), 'recommended', 'expected preset=recommended from the URL hash');
    assert.equal(await evaluate(app, () => plasticity.get('train_size')), '500', 'expected train_size=500 from the URL hash');

    await stepToEnd(app, 50, 2000);
    const m = await evaluate(app, () => plasticity.metrics());
    assert.equal(m.epochs.test_acc.length, 3, 'expected 3 epochs of metrics');
    assert.equal(m.epochs.valid_acc.length, 3, 'expected the validation accuracy per epoch');
    const run = JSON.parse(await evaluate(app, () => plasticity.exportRun('json')));
    // Native figures for this hash: train 0.824, test 0.768 (chance is 0.1).
    assert.ok(run.final.train_acc > 0.6 && run.final.test_acc > 0.6, `expected the recommended run to learn, got ${JSON.stringify(run.final)}`);
    assert.equal(run.final.epoch_stopped, 3, 'expected the run to stop after its 3 epochs');
    await nextFrames(app);
    const lab = await app.page.screenshot({ path: `${outDir}regularization.png` });
    assert.ok(distinctColours(decodePng(lab)) > 50, 'expected the lab to be drawn');

    assert.equal(await evaluate(app, () => plasticity.compare('preset', 'none,recommended')), '', 'expected a comparison');
    await stepToEnd(app, 50, 4000);
    const cmp = await evaluate(app, () => plasticity.comparison());
    assert.deepEqual(cmp.runs.map((r) => r.preset), ['none', 'recommended'], 'expected one run per preset');
    for (const r of cmp.runs) {
      assert.ok(r.final.test_acc > 0.6, `expected preset=${r.preset} to learn, got ${r.final.test_acc}`);
      assert.ok(Math.abs(r.final.gap - (r.final.train_acc - r.final.test_acc)) < 1e-9, `expected gap = train - test, got ${JSON.stringify(r.final)}`);
    }
    // Native figures: gap 0.1025 without regularizers, 0.056 with the recommended ones.
    const [none, recommended] = cmp.runs.map((r) => r.final);
    assert.ok(none.gap > recommended.gap, `expected the recommended combination to narrow the gap, got ${none.gap} vs ${recommended.gap}`);
    await nextFrames(app);
    const table = await app.page.screenshot({ path: `${outDir}regularization-comparison.png` });
    assert.ok(distinctColours(decodePng(table)) > 50, 'expected the comparison and its results table to be drawn');
    assertNoErrors(app);
  }));
