// Browser test of Lab 1 (backprop): opened from the URL hash, trained through window.plasticity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, distinctColours } from '../../tests/e2e/png.mjs';
import { outDir, withApp, evaluate, nextFrames, assertNoErrors } from '../../tests/e2e/harness.mjs';

test('backprop from the URL hash trains to > 0.8 test accuracy and draws', { timeout: 180000 }, () =>
  withApp('backprop', 'lab=backprop&epochs=2&hidden=32&batch=64&seed=3', async (app) => {
    const status = await evaluate(app, () => plasticity.status());
    assert.equal(status.lab, 'backprop', `expected the hash's lab=backprop to be open, status: ${JSON.stringify(status)}`);
    assert.equal(await evaluate(app, () => plasticity.get('hidden')), '32', 'expected hidden=32 from the URL hash');
    assert.equal(await evaluate(app, () => plasticity.get('seed')), '3', 'expected seed=3 from the URL hash');

    // Train in chunks, one evaluate per chunk so the page keeps drawing in between.
    const t0 = Date.now();
    let st = status, calls = 0;
    while (!st.done && !st.error && calls < 200 && Date.now() - t0 < 120000) {
      st = await evaluate(app, () => plasticity.step(200));
      calls++;
    }
    assert.ok(!st.error, `expected no training error, status: ${JSON.stringify(st)}`);
    assert.ok(st.done, `expected training to finish within 200 step(200) calls / 120 s (${calls} calls, ` +
      `${((Date.now() - t0) / 1000).toFixed(0)} s), status: ${JSON.stringify(st)}`);

    const m = await evaluate(app, () => plasticity.metrics());
    const acc = m?.epochs?.test_acc, loss = m?.epochs?.train_loss;
    assert.ok(Array.isArray(acc) && acc.length === 2, `expected 2 epochs of test_acc, got ${JSON.stringify(acc)}`);
    assert.ok(acc[1] > 0.8, `expected final test accuracy > 0.8, got ${acc[1]}`);
    assert.ok(Array.isArray(loss) && loss.length >= 2, `expected >= 2 epochs of train_loss, got ${JSON.stringify(loss)}`);
    assert.ok(loss.at(-1) < loss[0], `expected train_loss to decrease (last < first), got ${JSON.stringify(loss)}`);

    await nextFrames(app);
    const png = await app.page.screenshot({ type: 'png', path: `${outDir}backprop.png` });
    const colours = distinctColours(decodePng(png));
    assert.ok(colours > 50, `expected a drawn page (> 50 distinct colours in the screenshot), got ${colours}`);
    assertNoErrors(app);
  }));
