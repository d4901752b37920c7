// Browser test of Lab 3 (bayes-by-backprop): opened from the URL hash, trained through window.plasticity. See harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, distinctColours } from '../../tests/e2e/png.mjs';
import { outDir, withApp, evaluate, nextFrames, assertNoErrors, stepToEnd } from '../../tests/e2e/harness.mjs';

const last = (column) => column[column.length - 1];

test('bayes by backprop opens from the URL hash and is more uncertain outside the data', { timeout: 300000 }, () =>
  withApp('bayes-by-backprop', 'lab=bayes-by-backprop&method=bbb&noise=3&data_seed=1&seed=1', async (app) => {
    const status = await evaluate(app, () => plasticity.status());
    assert.equal(status.lab, 'bayes-by-backprop', `expected the hash's lab to be open, status: ${JSON.stringify(status)}`);
    assert.equal(await evaluate(app, () => plasticity.get('method')), 'bbb', 'expected method=bbb from the URL hash');
    await stepToEnd(app, 10, 2000);
    const m = await evaluate(app, () => plasticity.metrics());
    assert.equal(m.predictive.x.length, 201, 'expected the predictive on a 201-point grid over [-5, 5]');
    const ratio = last(m.epochs.sigma_ratio_out_in), rmse = last(m.epochs.test_rmse), rmseIn = last(m.epochs.rmse_in);
    assert.ok(ratio >= 2, `expected sigma outside / inside >= 2, got ${ratio}`);
    // Inside the data the mean follows x^3 to within the noise (3); outside it extrapolates, but still beats
    // predicting 0 (test_rmse 47 on [-5, 5]).
    assert.ok(rmseIn < 6, `expected the predictive mean to follow x^3 inside the data, got rmse_in ${rmseIn}`);
    assert.ok(rmse < 40, `expected test_rmse on [-5, 5] well below predicting 0 (47), got ${rmse}`);
    assert.ok(last(m.epochs.kl) > 0, `expected a positive KL, got ${last(m.epochs.kl)}`);
    const exported = JSON.parse(await evaluate(app, () => plasticity.exportRun('json')));
    assert.equal(exported.final.sigma_ratio_out_in, ratio, 'expected the export to hold the final ratio');
    await nextFrames(app);
    const png = await app.page.screenshot({ path: `${outDir}bayes-by-backprop.png` });
    assert.ok(distinctColours(decodePng(png)) > 50, 'expected the lab to be drawn');
    assertNoErrors(app);
  }));

test('the maximum-likelihood fits from five seeds spread out beyond the data', { timeout: 300000 }, () =>
  withApp('bayes-by-backprop-mle', 'lab=bayes-by-backprop&method=mle&fits=5&vary=seed', async (app) => {
    assert.equal(await evaluate(app, () => plasticity.get('method')), 'mle', 'expected method=mle from the URL hash');
    await stepToEnd(app, 10, 2000);
    const m = await evaluate(app, () => plasticity.metrics());
    const ratio = last(m.epochs.sigma_ratio_out_in);
    assert.ok(ratio > 1.5, `expected the fits to disagree more outside the data, got ratio ${ratio}`);
    assert.ok(m.epochs.kl.every((v) => v === null), 'expected no KL for maximum likelihood');
    await nextFrames(app);
    await app.page.screenshot({ path: `${outDir}bayes-by-backprop-mle.png` });
    assertNoErrors(app);
  }));

test('a comparison over data seeds overlays the runs\' predictive means', { timeout: 300000 }, () =>
  withApp('bayes-by-backprop-compare', 'lab=bayes-by-backprop&method=mle&fits=1&epochs=500', async (app) => {
    assert.equal(await evaluate(app, () => plasticity.compare('data_seed', '1,2,3')), '', 'expected a comparison');
    await stepToEnd(app, 10, 2000);
    const cmp = await evaluate(app, () => plasticity.comparison());
    assert.deepEqual(cmp.runs.map((r) => r.data_seed), [1, 2, 3], 'expected one run per data seed');
    const means = cmp.runs.map((r) => r.metrics.predictive.mean);
    assert.ok(means.every((m) => m.length === 201), 'expected every run to hold its predictive mean on the grid');
    assert.notDeepEqual(means[0], means[1], 'expected other data to give another fit');
    for (const run of cmp.runs) assert.ok(run.final.rmse_in < 10, `expected each fit to follow the data, got ${run.final.rmse_in}`);
    await nextFrames(app);
    await app.page.screenshot({ path: `${outDir}bayes-by-backprop-compare.png` });
    assertNoErrors(app);
  }));

test('the classification mode is less certain on Fashion-MNIST and noise images than on test digits', { timeout: 300000 }, () =>
  withApp('bayes-by-backprop-mnist', 'lab=bayes-by-backprop&task=mnist&method=bbb&mnist_hidden=30&mnist_epochs=2&mnist_samples=8', async (app) => {
    assert.equal(await evaluate(app, () => plasticity.get('task')), 'mnist', 'expected task=mnist from the URL hash');
    const started = Date.now();
    await stepToEnd(app, 10, 2000);
    const seconds = (Date.now() - started) / 1000;
    const m = await evaluate(app, () => plasticity.metrics());
    assert.equal(m.epochs.epoch.length, 2, 'expected one row per epoch');
    assert.equal(m.entropy.test.length, 2000, 'expected the entropy of every test digit');
    const acc = last(m.epochs.test_acc), inside = last(m.epochs.entropy_test);
    const fashion = last(m.epochs.entropy_fashion), noise = last(m.epochs.entropy_noise);
    console.log(`mnist bbb in the browser: ${seconds.toFixed(1)} s, test_acc ${acc}, entropy test ${inside}, fashion ${fashion}, noise ${noise}`);
    // Native figures of these settings: test_acc 0.89, entropy 0.42 on test digits, 0.99 on Fashion-MNIST, 1.05 on noise
    assert.ok(acc > 0.8, `expected the digits learnt (chance 0.1), got test_acc ${acc}`);
    assert.ok(fashion > inside + 0.3, `expected a higher entropy on Fashion-MNIST (${fashion}) than on test digits (${inside})`);
    assert.ok(noise > inside + 0.3, `expected a higher entropy on noise images (${noise}) than on test digits (${inside})`);
    assert.ok(last(m.epochs.auroc_noise) > 0.7, `expected the entropy to tell noise from digits, AUROC ${last(m.epochs.auroc_noise)}`);
    const exported = JSON.parse(await evaluate(app, () => plasticity.exportRun('json')));
    assert.equal(exported.final.test_acc, acc, 'expected the export to hold the final accuracy');
    await nextFrames(app);
    const png = await app.page.screenshot({ path: `${outDir}bayes-by-backprop-mnist.png` });
    assert.ok(distinctColours(decodePng(png)) > 50, 'expected the lab to be drawn');
    assertNoErrors(app);
  }));
