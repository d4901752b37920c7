// The soak's browser side (scripts/soak serves build/web and runs it):
//   node scripts/soak.mjs http://127.0.0.1:8080 10
// Cycles every ready lab through open, set, step, reset, compare and export for the given minutes, in one page;
// measures the wasm heap (its size and the bytes malloc has handed out, plasticity.memory()), the JS heap (CDP
// Runtime.getHeapUsage after a garbage collection) and the DOM size at the start (after one warm-up cycle) and
// the end, both with Lab 1 freshly opened. Exits 1 on a page error, the fatal overlay or an API call that
// throws.
import { launchChromium } from '../tests/e2e/browser.mjs';

const [base, minutesText = '10'] = process.argv.slice(2);
const minutes = Number(minutesText);
if (!base || !(minutes > 0)) {
  console.error('usage: node scripts/soak.mjs BASE_URL [MINUTES]');
  process.exit(2);
}

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
await page.goto(`${base}/#lab=backprop`);
await page.evaluate(() => window.plasticity.ready);
const cdp = await page.context().newCDPSession(page);

async function measure() {
  await page.evaluate(() => plasticity.applyHash('lab=backprop'));
  await page.waitForTimeout(500);
  await cdp.send('HeapProfiler.collectGarbage');
  const js = await cdp.send('Runtime.getHeapUsage');
  const page_ = await page.evaluate(() => ({
    wasm: plasticity.memory(),
    dom: document.getElementsByTagName('*').length,
    overlay: !document.getElementById('error').classList.contains('hidden'),
  }));
  return { wasm_heap_bytes: page_.wasm.heap_bytes, wasm_in_use_bytes: page_.wasm.in_use_bytes,
    js_heap_used_bytes: js.usedSize, dom_elements: page_.dom, overlay: page_.overlay };
}

// One cycle of one lab, in the page: open, a parameter set (each of its choices, or its default again), a few
// steps, reset, a two-run comparison stepped a little, both exports, back to one run.
function cycle(lab) {
  return page.evaluate((lab) => {
    const problems = [];
    const call = (what, f) => {
      try {
        return f();
      } catch (e) {
        problems.push(`${lab.id}: ${what} threw ${e}`);
      }
    };
    call('open', () => plasticity.open(lab.id));
    const choice = lab.params.find((p) => p.kind === 'choice' && p.choices.length > 1 && p.name !== 'preset');
    for (const value of choice ? choice.choices : [])
      call(`set ${choice.name}=${value}`, () => plasticity.set(choice.name, value));
    call('set seed', () => plasticity.set('seed', String(1 + Math.floor(Math.random() * 1000))));
    call('step', () => plasticity.step(20));
    call('reset', () => plasticity.set('seed', '1'));
    const message = call('compare', () => plasticity.compare('seed', '1,2'));
    if (message) problems.push(`${lab.id}: compare said ${message}`);
    call('pause', () => plasticity.pause());
    call('step comparison', () => plasticity.step(10));
    call('export json', () => JSON.parse(plasticity.exportRun('json')));
    call('export csv', () => plasticity.exportRun('csv'));
    call('back to one run', () => plasticity.open(lab.id));
    return problems;
  }, lab);
}

const labs = (await page.evaluate(() => plasticity.labs())).filter((l) => l.ready);
const problems = [];
for (const lab of labs) problems.push(...(await cycle(lab)));
const start = await measure();
let cycles = 0;
const end_ms = Date.now() + minutes * 60000;
while (Date.now() < end_ms && problems.length === 0 && pageErrors.length === 0) {
  for (const lab of labs) problems.push(...(await cycle(lab)));
  cycles++;
  await page.waitForTimeout(200);  // let a few frames draw
}
const end = await measure();
await browser.close();

const mb = (b) => (b / 1048576).toFixed(1) + ' MB';
console.log(`soak: ${minutes} min, ${cycles} cycles of ${labs.length} labs (${labs.map((l) => l.id).join(', ')})`);
for (const [name, key, unit] of [['wasm heap size', 'wasm_heap_bytes', mb], ['wasm heap in use', 'wasm_in_use_bytes', mb],
  ['JS heap used', 'js_heap_used_bytes', mb], ['DOM elements', 'dom_elements', String]])
  console.log(`  ${name.padEnd(17)} start ${unit(start[key]).padStart(10)}   end ${unit(end[key]).padStart(10)}`);
console.log(JSON.stringify({ minutes, cycles, labs: labs.length, start, end }));
const failures = [...problems, ...pageErrors.map((e) => 'page error: ' + e), ...(end.overlay ? ['the fatal overlay is shown'] : [])];
if (failures.length) {
  console.log('soak FAILED:\n  ' + failures.slice(0, 20).join('\n  '));
  process.exit(1);
}
console.log('soak: no page errors, no failed calls');
