// Browser test of the plasticity lab: Diehl & Cook with 25 neurons from the URL hash (the lab runs as soon as it
// opens), its weight images changing live (the grid's region found from two screenshots: the largest block
// where most pixels change) and its curve's weight_change, over the first few hundred digits; Oja on the cloud
// within 2 deg of PC1 through window.plasticity; screenshots at two window sizes. See tests/e2e/harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng } from '../../tests/e2e/png.mjs';
import { outDir, withApp, evaluate, nextFrames, assertNoErrors, sleep, finishes, screenshots } from '../../tests/e2e/harness.mjs';

const CELL = 16;           // px: two screenshots are compared cell by cell
const CELL_CHANGED = 0.5;  // a cell changed when at least this share of its pixels did
const PIXEL_CHANGED = 8;   // a pixel changed when a channel moved by more than this (of 255)

// The largest 4-connected block of CELL x CELL cells in which most pixels differ between two decoded
// screenshots of one size: { cells, x, y, width, height } (px). Text and curves change few pixels of a cell;
// a grid of images that learn changes most of them.
function changedBlock(a, b) {
  const columns = Math.floor(a.width / CELL), rows = Math.floor(a.height / CELL);
  const changed = new Uint8Array(columns * rows);
  for (let r = 0; r < rows; ++r)
    for (let c = 0; c < columns; ++c) {
      let n = 0;
      for (let y = r * CELL; y < (r + 1) * CELL; ++y)
        for (let x = c * CELL; x < (c + 1) * CELL; ++x) {
          const at = (y * a.width + x) * a.channels;
          for (let k = 0; k < Math.min(a.channels, 3); ++k)
            if (Math.abs(a.pixels[at + k] - b.pixels[at + k]) > PIXEL_CHANGED) { ++n; break; }
        }
      changed[r * columns + c] = n >= CELL_CHANGED * CELL * CELL ? 1 : 0;
    }
  let best = { cells: 0, x: 0, y: 0, width: 0, height: 0 };
  const seen = new Uint8Array(columns * rows);
  for (let start = 0; start < changed.length; ++start) {
    if (!changed[start] || seen[start]) continue;
    const stack = [start];
    seen[start] = 1;
    let cells = 0, c0 = columns, c1 = 0, r0 = rows, r1 = 0;
    while (stack.length) {
      const i = stack.pop(), r = Math.floor(i / columns), c = i % columns;
      ++cells, c0 = Math.min(c0, c), c1 = Math.max(c1, c), r0 = Math.min(r0, r), r1 = Math.max(r1, r);
      for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        const rr = r + dr, cc = c + dc, j = rr * columns + cc;
        if (rr >= 0 && rr < rows && cc >= 0 && cc < columns && changed[j] && !seen[j]) { seen[j] = 1; stack.push(j); }
      }
    }
    if (cells > best.cells) best = { cells, x: c0 * CELL, y: r0 * CELL, width: (c1 - c0 + 1) * CELL, height: (r1 - r0 + 1) * CELL };
  }
  return best;
}

test('plasticity: Diehl & Cook with 25 neurons from the URL learns live: its weight images change', { timeout: 300000 }, () =>
  withApp('plasticity-diehl-cook', 'lab=plasticity&rule=diehl-cook&neurons=25', async (app) => {
    assert.equal(await evaluate(app, () => plasticity.status().lab), 'plasticity', 'expected the hash\'s lab to be open');
    assert.equal(await evaluate(app, () => plasticity.get('rule')), 'diehl-cook');
    assert.equal(await evaluate(app, () => plasticity.get('neurons')), '25');
    await nextFrames(app);
    const before = decodePng(await app.page.screenshot({ path: `${outDir}plasticity-diehl-cook-early.png` }));
    const trained = () => evaluate(app, () => plasticity.metrics().curve?.digits?.at(-1) ?? 0);
    const digitsBefore = await trained();
    for (let waited = 0; waited < 1200 && (await trained()) < digitsBefore + 300; ++waited) await sleep(100);  // it learns on live
    const status = await evaluate(app, () => plasticity.status());
    assert.ok(!status.error, `expected the run to go on, status: ${JSON.stringify(status)}`);
    await nextFrames(app);
    const after = decodePng(await app.page.screenshot({ path: `${outDir}plasticity-diehl-cook-later.png` }));
    const digitsAfter = await trained();
    assert.ok(digitsAfter >= digitsBefore + 300, `expected the live run to train on 300 digits between the screenshots, digits ${digitsBefore} -> ${digitsAfter}`);
    const block = changedBlock(before, after);
    console.log(`plasticity: the changing block (the weight grid) at ${block.x},${block.y}, ${block.width} x ${block.height} px (${block.cells} cells of ${CELL} px), digits ${digitsBefore} -> ${digitsAfter}`);
    // 25 images of 28 x 28 at least 1 px each: a block of 140 x 140 px, mostly changed
    assert.ok(block.width >= 128 && block.height >= 128 && block.cells >= 0.5 * (block.width / CELL) * (block.height / CELL),
      `expected a grid of weight images that change between two screenshots (a block of at least 128 x 128 px whose pixels change), got ${JSON.stringify(block)}; see out/plasticity-diehl-cook-early.png and -later.png`);

    // the curve so far (the whole run, 10,000 digits live, takes minutes in headless Chromium)
    const curve = (await evaluate(app, () => plasticity.metrics())).curve;
    assert.ok(curve.digits.length >= 3, `expected a row per 100 training digits, got ${JSON.stringify(curve.digits)}`);
    assert.ok(curve.weight_change.every((change) => change > 0), `expected the weights to change in every 100 digits, got ${JSON.stringify(curve.weight_change)}`);
    await evaluate(app, () => plasticity.pause());
    await screenshots(app, 'plasticity-diehl-cook');
    assertNoErrors(app);
  }));

test('plasticity: Oja on the cloud ends within 2 deg of PC1 with unit norm', { timeout: 120000 }, () =>
  withApp('plasticity-oja', 'lab=plasticity&rule=oja', async (app) => {
    const status = await finishes(app, 60);
    assert.ok(status.done && !status.error, `expected Oja's run to finish by itself, status: ${JSON.stringify(status)}`);
    const curve = (await evaluate(app, () => plasticity.metrics())).curve;
    const angle = curve.angle_to_pc1_deg.at(-1), norm = curve.w_norm.at(-1);
    assert.equal(curve.epoch.length, 20, `expected a row per pass (20 passes), got ${JSON.stringify(curve.epoch)}`);
    assert.ok(angle < 2, `expected w within 2 deg of PC1, got ${angle} deg`);
    assert.ok(Math.abs(norm - 1) <= 0.02, `expected |w| = 1 +- 0.02, got ${norm}`);
    await screenshots(app, 'plasticity-oja');
    assertNoErrors(app);
  }));
