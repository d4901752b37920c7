// Frame times while training (issue 15): each lab below is opened from the URL hash and started with
// plasticity.run(); the requestAnimationFrame intervals of a few seconds, and at least until the first epoch
// row (its evaluation and update angles), are reported (median, max; not asserted: SwiftShader draws on the
// CPU), and the page's longest lab step, which must stay within the 30 ms budget (labs slice their work: Lab
// 7's predictive-coding inference goes on across steps, the angles before a row take a step per part, Lab 6's
// generator trains a step per batch step). A warm-up run first (seed 2) lets the browser finish compiling the
// wasm; setting the seed back resets the page's counters. Steps are timed by the wall clock and the machine is
// shared (SwiftShader's threads, the test runner), so a step can be preempted: a run over the budget is
// measured again, up to kMeasurements times, and the best run's longest step is asserted (a step that is
// slow in itself is slow every time). See harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, evaluate, assertNoErrors } from './harness.mjs';

const kStepBudgetMs = 30;  // a lab's step() in wasm: the page's frame budget
const kSampleSeconds = 4;
const kWarmUpSeconds = 2;
const kMostSeconds = 40;  // waiting for the first epoch row
const kMeasurements = 3;

// The rAF intervals (ms) over `seconds` of training (and, with untilRow, until the first epoch row, at most
// kMostSeconds), sorted, and plasticity.status() at their end.
async function framesWhileTraining(app, seconds, untilRow) {
  return evaluate(app, ([seconds, untilRow, most]) => new Promise((resolve) => {
    plasticity.run();
    const times = [];
    const tick = (t) => {
      times.push(t);
      const status = plasticity.status(), ms = t - times[0];
      const more = ms < seconds * 1000 || (untilRow && status.epochs < 1 && ms < most * 1000);
      if (more && !status.done) requestAnimationFrame(tick);
      else resolve({ intervals: times.slice(1).map((x, i) => x - times[i]).sort((a, b) => a - b), status });
    };
    requestAnimationFrame(tick);
  }), [seconds, untilRow, kMostSeconds]);
}

const runs = [
  ['Lab 1, MNIST MLP at its defaults', 'lab=backprop'],
  ['Lab 7, predictive coding, 50 inference steps per batch', 'lab=target-prop&rule=pc&pc_steps=50'],
  ['Lab 7, predictive coding to its first epoch row (the update angles)', 'lab=target-prop&rule=pc&task=student-teacher&hidden=256,256&pc_steps=100'],
  ['Lab 2, feedback alignment at its defaults', 'lab=feedback-alignment'],
  ['Lab 6, continual learning at its defaults', 'lab=continual'],
  ['Lab 6, generative replay', 'lab=continual&method=generative-replay'],
  ['Lab 7, DTP at its defaults', 'lab=target-prop&rule=dtp'],
];

for (const [what, hash] of runs)
  test(`frames while training: ${what}: every step within ${kStepBudgetMs} ms`, { timeout: 180000 }, () =>
    withApp('frames', hash, async (app) => {
      assert.equal(await evaluate(app, () => plasticity.set('seed', '2')), '', 'expected seed=2 to be taken');
      await framesWhileTraining(app, kWarmUpSeconds, false);
      const longest = [];  // of each measurement
      while (longest.length < kMeasurements && !longest.some((ms) => ms <= kStepBudgetMs)) {
        assert.equal(await evaluate(app, () => plasticity.set('seed', '1')), '', 'expected seed=1 to be taken');
        const { intervals, status } = await framesWhileTraining(app, kSampleSeconds, true);
        assert.ok(intervals.length > 0, 'expected frames while training');
        const median = intervals[Math.floor(intervals.length / 2)], max = intervals[intervals.length - 1];
        console.log(`frames: ${what}: median frame ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms over ${intervals.length} frames; ` +
                    `longest step ${status.longest_step_ms.toFixed(1)} ms, ${Math.round(status.samples_per_s)} samples/s, epochs ${status.epochs}`);
        assert.ok(!status.error, `expected training without error, got ${status.error}`);
        longest.push(status.longest_step_ms);
      }
      assert.ok(Math.min(...longest) <= kStepBudgetMs,
                `expected every step within ${kStepBudgetMs} ms (the frame budget) in one of ${longest.length} runs, ` +
                `got longest steps of ${longest.map((ms) => ms.toFixed(1)).join(', ')} ms`);
      assertNoErrors(app);
    }));
