// Scale check (not part of the CI suite; run by hand, it takes about a minute):
//   node tests/e2e/scale.mjs [rows] [columns]
// Builds a rows × columns CSV, imports it through the file input, trains on it,
// and reports import time, training samples/s and how the page kept painting.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const rows = Number(process.argv[2] || 100_000);
const cols = Number(process.argv[3] || 50);

function makeCsv() {
  const header = [...Array.from({ length: cols - 1 }, (_, i) => `f${i + 1}`), 'label'];
  const out = [header.join(',')];
  let s = 12345;
  const rnd = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  for (let r = 0; r < rows; r++) {
    const v = Array.from({ length: cols - 1 }, () => (rnd() * 4 - 2).toFixed(3));
    const label = Number(v[0]) + Number(v[1]) > 0 ? 'pos' : 'neg';
    out.push([...v, label].join(','));
  }
  return Buffer.from(out.join('\n') + '\n');
}

const csv = makeCsv();
console.log(`CSV: ${rows} rows × ${cols} columns, ${(csv.length / 1e6).toFixed(1)} MB`);
// NNPLAY_DIST: another build to measure (for example the previous commit's, for a before/after figure).
const server = await serve(process.env.NNPLAY_DIST || path.resolve(here, '../../dist'));
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(server.url + '#seed=1&net=8,8');
await page.waitForSelector('[data-testid="neuron-output"]');
// Frame intervals on the main thread, from now on.
await page.evaluate(() => {
  window.__frames = [];
  let last = performance.now();
  const tick = (t) => {
    // The first interval after a reset may span work done before it: skip it.
    if (window.__skip) window.__skip = false; else window.__frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
const frameStats = async () => page.evaluate(() => {
  window.__skip = true;
  const f = window.__frames.splice(0).sort((a, b) => a - b);
  const q = (p) => f[Math.min(f.length - 1, Math.floor(p * f.length))];
  return { frames: f.length, p50: q(0.5), p95: q(0.95), max: f[f.length - 1] };
});
await frameStats();
// Hand the file to the page first (Playwright's setInputFiles pushes the bytes
// through the renderer's main thread), then start measuring at the change event.
await page.evaluate(async (b64) => {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  window.__file = new File([bytes], 'big.csv', { type: 'text/csv' });
}, csv.toString('base64'));
await frameStats();
const t0 = Date.now();
await page.evaluate(() => {
  const input = document.getElementById('csv-file');
  const dt = new DataTransfer();
  dt.items.add(window.__file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
});
await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'), null, { timeout: 120_000 });
const tImport = Date.now() - t0;
const fImport = await frameStats();
console.log(`import + mapping check: ${(tImport / 1000).toFixed(1)} s; main thread meanwhile: ${fImport.frames} frames, p50 ${fImport.p50.toFixed(1)} ms, p95 ${fImport.p95.toFixed(1)} ms, max ${fImport.max.toFixed(0)} ms`);
const t1 = Date.now();
await page.getByRole('button', { name: 'Train on this data' }).click();
await page.waitForFunction(() => location.hash.includes('data=csv'), null, { timeout: 120_000 });
console.log(`prepare + first snapshot: ${((Date.now() - t1) / 1000).toFixed(1)} s`);
await frameStats();
await page.getByRole('button', { name: 'Play' }).click();
const e0 = Number(await page.getByTestId('epoch').textContent());
const s0 = Date.now();
await page.waitForTimeout(15_000);
const e1 = Number(await page.getByTestId('epoch').textContent());
const secs = (Date.now() - s0) / 1000;
const fTrain = await frameStats();
await page.getByRole('button', { name: 'Pause' }).click();
const trainRows = Math.round(rows * 0.5);
console.log(`training: ${e1 - e0} epochs in ${secs.toFixed(1)} s = ${Math.round(((e1 - e0) * trainRows) / secs)} samples/s (${trainRows} training rows, ${cols - 1} inputs, 8-8 tanh)`);
console.log(`main thread while training: ${fTrain.frames} frames, p50 ${fTrain.p50.toFixed(1)} ms, p95 ${fTrain.p95.toFixed(1)} ms, max ${fTrain.max.toFixed(0)} ms`);
console.log(`test loss ${await page.getByTestId('test-loss').textContent()}`);
await browser.close();
await server.close();
