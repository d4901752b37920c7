// Takes the README's screenshot (or another: a hash and a window size): serves nothing itself; give it the
// URL of a served build/web. Runs the lab to its end (or its error) first.
//   node scripts/screenshot.mjs http://127.0.0.1:8080 docs/img/backprop.png [HASH] [WIDTHxHEIGHT]
import { launchChromium } from '../tests/e2e/browser.mjs';

const [base, out, hash = 'lab=backprop&hidden=64&epochs=3&seed=1', size = '1280x800'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width, height } });
await page.goto(`${base}/#${hash}`);
await page.evaluate(() => window.plasticity.ready);
await page.evaluate(() => { while (!plasticity.status().done) plasticity.step(100); });
await page.waitForTimeout(500);
await page.screenshot({ path: out });
await browser.close();
console.log(`screenshot: ${out}`);
