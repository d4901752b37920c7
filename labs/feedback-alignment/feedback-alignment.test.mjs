// Browser test of Lab 2 (feedback-alignment): opened from the URL hash, trained through window.plasticity. See harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, distinctColours } from '../../tests/e2e/png.mjs';
import { outDir, withApp, evaluate, nextFrames, assertNoErrors, stepToEnd } from '../../tests/e2e/harness.mjs';

test('feedback alignment opens from the URL hash, trains and reports its angles', { timeout: 180000 }, () =>
  withApp('feedback-alignment', 'lab=feedback-alignment&rule=fa&task=cubic&hidden=32&activation=tanh&lr=0.01&lr_decay=1&epochs=100', async (app) => {
    const status = await evaluate(app, () => plasticity.status());
    assert.equal(status.lab, 'feedback-alignment', `expected the hash's lab to be open, status: ${JSON.stringify(status)}`);
    assert.equal(await evaluate(app, () => plasticity.get('rule')), 'fa', 'expected rule=fa from the URL hash');
    await stepToEnd(app, 200, 200);
    const m = await evaluate(app, () => plasticity.metrics());
    const loss = m.epochs.train_loss, angle = m.epochs.angle_to_bp_deg_l1;
    assert.equal(loss.length, 100, 'expected 100 epochs of metrics');
    assert.ok(loss[99] < loss[0] / 2, `expected FA to halve the cubic loss in 100 epochs, got ${loss[0]} -> ${loss[99]}`);
    assert.ok(angle.every((a) => a >= 0 && a <= 180), `expected angles in degrees, got ${angle.slice(-3)}`);
    await nextFrames(app);
    const png = await app.page.screenshot({ path: `${outDir}feedback-alignment.png` });
    assert.ok(distinctColours(decodePng(png)) > 50, 'expected the lab to be drawn');
    assertNoErrors(app);
  }));
