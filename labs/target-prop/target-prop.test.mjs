// Browser test of Lab 7 (target-prop): opened from the URL hash, trained through window.plasticity. See harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, distinctColours } from '../../tests/e2e/png.mjs';
import { outDir, withApp, evaluate, nextFrames, assertNoErrors, stepToEnd } from '../../tests/e2e/harness.mjs';

test('target propagation opens from the URL hash and compares rules', { timeout: 240000 }, () =>
  withApp('target-prop', 'lab=target-prop&rule=dtp&hidden=32,32&epochs=1&batch=64', async (app) => {
    assert.equal(await evaluate(app, () => plasticity.get('rule')), 'dtp', 'expected rule=dtp from the URL hash');
    assert.equal(await evaluate(app, () => plasticity.compare('rule', 'bp,dtp,pc')), '', 'expected a comparison');
    await stepToEnd(app, 100, 1000);
    const cmp = await evaluate(app, () => plasticity.comparison());
    assert.deepEqual(cmp.runs.map((r) => r.rule), ['bp', 'dtp', 'pc'], 'expected one run per rule');
    for (const run of cmp.runs) {
      assert.ok(run.final.test_acc > 0.7, `expected ${run.rule} to learn, got ${run.final.test_acc}`);
      assert.ok(run.final.angle_to_bp_deg_l1 >= 0, `expected ${run.rule}'s angle to BP, got ${run.final.angle_to_bp_deg_l1}`);
    }
    await nextFrames(app);
    const png = await app.page.screenshot({ path: `${outDir}target-prop.png` });
    assert.ok(distinctColours(decodePng(png)) > 50, 'expected the lab to be drawn');
    assertNoErrors(app);
  }));
