// Main-thread smoothness while training at full speed with every picture on
// (not part of the CI suite; timings belong in notes, not in tests):
//   node tests/e2e/frames.mjs [seconds]   (NNPLAY_PHONE=1: a touch phone, then 1440 × 900)
// Spiral, all 7 features, a 6 × 8 network (or NNPLAY_NET): reports requestAnimationFrame
// intervals, long tasks (> 50 ms) and the epochs trained.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.argv[2] || 10);
// NNPLAY_DIST: another build to measure (for example the previous commit's, for a before/after figure).
const server = await serve(process.env.NNPLAY_DIST || path.resolve(here, '../../dist'));
const browser = await launch();
/** Opens the page in a new context with `options` (viewport, touch…), trains and prints the figures. */
async function measure(label, options) {
  const page = await (await browser.newContext(options)).newPage();
  console.log(`— ${label}`);
  const t0 = Date.now();
  // Full speed unless NNPLAY_SPEED names another (slow, steady, frame, fast).
  // NNPLAY_NET: other hidden layers, e.g. 64,64,64,64,64,64,64,64,64,64 (the compact diagram).
  const net = process.env.NNPLAY_NET || '8,8,8,8,8,8';
  await page.goto(server.url + `#data=spiral&net=${net}&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&test=1&seed=1&speed=${process.env.NNPLAY_SPEED || 'full'}`);
  await page.waitForSelector(process.env.NNPLAY_NET ? '#network canvas.sheet' : '[data-testid="neuron-6-8"]');
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
  console.log(`interactive (first snapshot drawn) ${Date.now() - t0} ms after navigation`);
  await page.evaluate(() => {
    window.__frames = [];
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1000);
  const e0 = Number(await page.getByTestId('epoch').textContent());
  await page.evaluate(() => { window.__frames = []; window.__long = []; });
  await page.waitForTimeout(seconds * 1000);
  const e1 = Number(await page.getByTestId('epoch').textContent());
  const r = await page.evaluate(() => {
    const f = window.__frames.slice().sort((a, b) => a - b);
    const q = (p) => f[Math.min(f.length - 1, Math.floor(p * f.length))];
    return { frames: f.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: f[f.length - 1], long: window.__long };
  });
  await page.getByRole('button', { name: 'Pause' }).click();
  console.log(`${seconds} s at speed ${process.env.NNPLAY_SPEED || "full"}: ${e1 - e0} epochs (${Math.round(((e1 - e0) * 250) / seconds)} samples/s incl. pictures)`);
  console.log(`frames: ${r.frames} (${(r.frames / seconds).toFixed(1)}/s), interval p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
  console.log(`long tasks (> 50 ms) on the main thread: ${r.long.length}${r.long.length ? ` (longest ${Math.max(...r.long).toFixed(0)} ms)` : ''}`);
}

// NNPLAY_PHONE=1: a phone under touch emulation (390 × 844, 3 device pixels per CSS pixel), then
// the laptop size in the same run, so the two figures share the machine's load.
if (process.env.NNPLAY_PHONE) {
  const dpr = Number(process.env.NNPLAY_DPR || 3); // NNPLAY_DPR: another device pixel ratio, to see what it costs
  await measure(`phone 390 × 844, touch, deviceScaleFactor ${dpr}`, { viewport: { width: 390, height: 844 }, deviceScaleFactor: dpr, hasTouch: true, isMobile: true });
  await measure('1440 × 900', { viewport: { width: 1440, height: 900 } });
} else {
  await measure('1440 × 1000', { viewport: { width: 1440, height: 1000 } });
}
await browser.close();
await server.close();
