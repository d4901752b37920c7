// The page at several window sizes and pixel ratios, including a viewport equal to the screen (full screen,
// kiosk): no page errors, a canvas that fills the window, and a DOM that stays the same size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, evaluate, sleep, assertNoErrors } from './harness.mjs';

const sizes = [
  { width: 1280, height: 800, scale: 1 },
  { width: 1920, height: 1080, scale: 1, screen: true },
  { width: 1366, height: 768, scale: 2 },
  { width: 800, height: 600, scale: 1 },
];

for (const { width, height, scale, screen } of sizes) {
  const name = `${width}x${height}@${scale}${screen ? ' with screen = viewport' : ''}`;
  test(`the page at ${name} fills the window, raises no errors and keeps its DOM`, { timeout: 90000 }, () =>
    withApp(`viewport-${width}x${height}`, 'lab=backprop', async (app) => {
      const dom = () => evaluate(app, () => document.getElementsByTagName('*').length);
      await sleep(1000);
      const before = await dom();
      await sleep(10000);
      const after = await dom();
      assert.equal(after, before, `expected a stable DOM over 10 s, ${before} -> ${after} elements`);
      const canvas = await evaluate(app, () => {
        const c = document.querySelector('canvas');
        const r = c.getBoundingClientRect();
        return { css: [r.width, r.height], pixels: [c.width, c.height], dpr: devicePixelRatio };
      });
      assert.deepEqual(canvas.css, [width, height], `expected the canvas to fill the window, got ${JSON.stringify(canvas)}`);
      assert.deepEqual(canvas.pixels, [width * scale, height * scale],
        `expected canvas pixels = CSS size x devicePixelRatio, got ${JSON.stringify(canvas)}`);
      assertNoErrors(app);
    }, { viewport: { width, height }, deviceScaleFactor: scale, ...(screen ? { screen: { width, height } } : {}) }));
}
