// Browser test of Lab 5 (surrogate-spikes): opened from the URL hash, trained through window.plasticity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, distinctColours } from '../../tests/e2e/png.mjs';
import { outDir, withApp, evaluate, nextFrames, assertNoErrors, stepToEnd } from '../../tests/e2e/harness.mjs';

// Steps the open lab to its end; expects it to finish without an error and returns its metrics.
async function trainToEnd(app) {
  const st = await stepToEnd(app, 50, 4000);
  assert.ok(!st.error, `expected no training error, status: ${JSON.stringify(st)}`);
  assert.ok(st.done, `expected the run to finish, status: ${JSON.stringify(st)}`);
  return evaluate(app, () => plasticity.metrics());
}

test('surrogate-spikes trains from the URL hash; surrogate=none leaves W1 unchanged', { timeout: 240000 }, () =>
  withApp('surrogate-spikes', 'lab=surrogate-spikes&hidden=30&epochs=1&batch=64', async (app) => {
    const status = await evaluate(app, () => plasticity.status());
    assert.equal(status.lab, 'surrogate-spikes', `expected the hash's lab to be open, status: ${JSON.stringify(status)}`);
    assert.equal(await evaluate(app, () => plasticity.get('hidden')), '30', 'expected hidden=30 from the URL hash');
    assert.equal(await evaluate(app, () => plasticity.get('surrogate')), 'fast-sigmoid', 'expected the default surrogate');

    const t0 = Date.now();
    const m = await trainToEnd(app);
    const seconds = (Date.now() - t0) / 1000;
    const e = m.epochs;
    assert.equal(e.test_acc.length, 1, `expected one epoch, got ${JSON.stringify(e.test_acc)}`);
    assert.ok(e.test_acc[0] > 0.7, `expected > 70% test accuracy after one epoch, got ${e.test_acc[0]}`);
    assert.ok(e.w1_change[0] > 0, `expected the first layer to learn, w1_change ${e.w1_change[0]}`);
    console.log(`surrogate-spikes in the browser: 1 epoch (hidden 30) in ${seconds.toFixed(1)} s wall, ` +
      `epoch_s ${e.epoch_s[0].toFixed(1)}, test_acc ${e.test_acc[0]}`);
    await nextFrames(app);
    const png = await app.page.screenshot({ path: `${outDir}surrogate-spikes.png` });
    assert.ok(distinctColours(decodePng(png)) > 50, 'expected rasters and plots to be drawn');

    assert.equal(await evaluate(app, () => plasticity.set('surrogate', 'none')), '', 'expected surrogate=none to be accepted');
    const none = (await trainToEnd(app)).epochs;
    assert.equal(none.w1_change[0], 0, `expected W1 not to move with the true gradient, w1_change ${none.w1_change[0]}`);
    assert.ok(none.test_acc[0] < e.test_acc[0], `expected the true gradient to learn less (${none.test_acc[0]} vs ${e.test_acc[0]})`);
    assertNoErrors(app);
  }));
