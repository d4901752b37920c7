// Takes the README's screenshot: serves nothing itself; give it the URL of a served build/web.
//   node scripts/screenshot.mjs http://127.0.0.1:8080 docs/img/backprop.png
import { launchChromium } from '../tests/e2e/browser.mjs';

const [base, out] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${base}/#lab=backprop&hidden=64&epochs=3&seed=1`);
await page.evaluate(() => window.plasticity.ready);
await page.evaluate(() => { while (!plasticity.status().done) plasticity.step(100); });
await page.waitForTimeout(500);
await page.screenshot({ path: out });
await browser.close();
console.log(`screenshot: ${out}`);
