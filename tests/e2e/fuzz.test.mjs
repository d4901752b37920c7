// Browser fuzz test: malformed URL hashes (at load and typed into the running page), a bad value for every
// parameter of every lab (from plasticity.labs(), so a new lab is covered the day it lands) and JS-API misuse.
// After each: no page error, no fatal overlay, and status() answering within 1 s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, withApp, evaluate, nextFrames } from './harness.mjs';

const malformedHashes = ['%E0%A4%A', '%', 'lab=', 'lab=nope', 'lr=NaN', 'lab=backprop&lr=' + '9'.repeat(100000),
  'lab=backprop&lr=\u0663\u{1F600}&hidden=\u00e9', '&&&=', 'lab=backprop&lr=0.1&lr=0.2&lr=abc&lab=backprop',
  'lab=backprop&nope=1&=2&x', '%00lab=backprop%00', 'lab=backprop&hidden=' + '1,'.repeat(5000)];

// Values no parameter takes, by kind (every value also tried as a repeated key of one hash).
const common = ['', 'NaN', 'inf', '-inf', '1e309', 'abc', '\u0663\u{1F600}', '%E0%A4%A', 'x'.repeat(100000)];
const badValues = {
  float: [...common, '-1e308', '1e308', '1,2', '0x10 ', ' '],
  int: [...common, '2147483648', '-99999999999', '1.5', '1e10', '-1'],
  int_list: [...common, '1,,2', ',', '0', '99999999', '1,2,3,4,5,6,7,8,9,10', '-1'],
  choice: [...common, 'nope', 'RELU '],
  bool: [...common, 'maybe', '2'],
};

// Runs `body` in the page, then checks what every case must leave: status() answering within 1 s, no overlay.
async function checkAlive(app, what) {
  const alive = await evaluate(app, () => {
    const t = performance.now();
    const status = plasticity.status();
    const overlay = !document.getElementById('error').classList.contains('hidden');
    return { ms: performance.now() - t, lab: status.lab, overlay };
  });
  assert.ok(alive.lab && alive.ms < 1000, `after ${what}: expected status() within 1 s, got ${JSON.stringify(alive)}`);
  assert.equal(alive.overlay, false, `after ${what}: expected no fatal overlay`);
  assert.deepEqual(app.pageErrors, [], `after ${what}: expected no page errors, got ${app.pageErrors.join(' | ')}`);
}

test('malformed hashes at load and typed into the running page', { timeout: 120000 }, () =>
  withApp('fuzz-hash', 'lab=backprop', async (app, context) => {
    for (const hash of malformedHashes.slice(0, 6)) {
      const page = await openApp(context, hash);
      await nextFrames(page);
      await checkAlive(page, `loading #${hash.slice(0, 40)}`);
      await page.page.close();
    }
    for (const hash of malformedHashes) {
      await evaluate(app, (hash) => { location.hash = hash; }, hash);
      await nextFrames(app);
      await checkAlive(app, `typing #${hash.slice(0, 40)}`);
    }
  }));

test('a bad value for every parameter of every lab is refused with a message naming it', { timeout: 150000 }, () =>
  withApp('fuzz-params', 'lab=backprop', async (app) => {
    const labs = (await evaluate(app, () => plasticity.labs())).filter((l) => l.ready);
    assert.ok(labs.length >= 6, `expected the ready labs, got ${labs.map((l) => l.id)}`);
    let tried = 0;
    for (const lab of labs) {
      for (const p of lab.params) {
        const values = badValues[p.kind];
        assert.ok(values, `expected bad values for kind '${p.kind}' (${lab.id}.${p.name}): add them to badValues`);
        // One hash with the parameter repeated, once per bad value: each is refused or clamped on its own.
        const hash = `lab=${lab.id}&` + values.map((v) => `${p.name}=${encodeURIComponent(v)}`).join('&');
        const r = await evaluate(app, (hash) => {
          const t = performance.now();
          const message = plasticity.applyHash(hash);
          return { message, ms: performance.now() - t };
        }, hash);
        tried += values.length;
        assert.ok(r.message.includes(p.name), `expected ${lab.id}'s '${p.name}' bad values to give messages naming it, got "${r.message.slice(0, 300)}"`);
        await checkAlive(app, `bad values of ${lab.id}.${p.name}`);
      }
    }
    console.log(`fuzz: ${tried} bad parameter values over ${labs.length} labs`);
  }));

test('JS-API misuse throws Errors or answers with messages, never stops the page', { timeout: 120000 }, () =>
  withApp('fuzz-api', 'lab=backprop&hidden=16&epochs=2&batch=64', async (app) => {
    // Each call either returns or throws an Error (never a bare number); the page stays alive.
    const calls = [
      'plasticity.step(1e9)', 'plasticity.step(Infinity)', 'plasticity.step(2**31)', 'plasticity.step(-1)',
      'plasticity.step(NaN)', 'plasticity.step(1.5)', "plasticity.step('x')", 'plasticity.step({})',
      'plasticity.step(null)', "plasticity.set('nope', '1')", "plasticity.set('', '')", 'plasticity.set(null, null)',
      "plasticity.set('lr', 'x'.repeat(100000))", "plasticity.get('nope')", 'plasticity.get(undefined)',
      "plasticity.open('nope')", "plasticity.open('')", "plasticity.open('continual')", "plasticity.exportRun('xml')",
      "plasticity.exportRun('')", "plasticity.compare('nope', '1,2')", "plasticity.compare('lr', '')",
      "plasticity.compare('lr', [])", "plasticity.applyHash('%E0%A4%A')", 'plasticity.metrics()',
      "plasticity.compare('activation', 'relu,tanh')", 'plasticity.run()', "plasticity.compare('lr', 'abc,1')",
      "plasticity.set('lr', '0.01')", 'plasticity.step(5)', "plasticity.exportRun('csv')", 'plasticity.comparison()',
      "plasticity.open('feedback-alignment')", 'plasticity.run()', "plasticity.set('rule', 'nope')",
      "plasticity.compare('rule', 'bp,fa')", "plasticity.compare('rule', 'bp')", 'plasticity.pause()',
      'plasticity.state()', "plasticity.open('backprop')", 'plasticity.step(1e9)',
    ];
    for (const call of calls) {
      const r = await evaluate(app, (call) => {
        try {
          (0, eval)(call);
          return 'returned';
        } catch (e) {
          return e instanceof Error ? 'threw ' + e.name : 'threw a ' + typeof e + ': ' + e;
        }
      }, call);
      assert.match(r, /^(returned|threw (Error|RangeError))$/, `${call}: expected a return or an Error, got ${r}`);
      await nextFrames(app);
      await checkAlive(app, call);
    }
  }));
