// Shared set-up of the browser tests: one static server for dist/ and one
// Chromium per test file; `open` collects console errors, page errors and
// Content-Security-Policy violations, so a test can assert there were none.
import { before, after } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const dist = path.resolve(here, '../../dist');

export function suite() {
  const ctx = { server: null, browser: null };
  before(async () => {
    ctx.server = await serve(dist);
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });

  /** Opens the page at `hash` and waits for the first drawn snapshot. */
  ctx.open = async (hash = '', { viewport = { width: 1400, height: 1000 } } = {}) => {
    const page = await ctx.browser.newPage({ viewport });
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => { window.__nnplayWasm = e.detail.wasm; });
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(ctx.server.url + (hash ? `#${hash}` : ''));
    await page.waitForSelector('[data-testid="neuron-output"]');
    await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
    return { page, problems };
  };
  return ctx;
}

export const epoch = (page) => page.getByTestId('epoch').textContent().then(Number);
export const exactLoss = (page, id) => page.getByTestId(id).getAttribute('data-value').then(Number);

/** Clicks Step and waits until the epoch counter has moved. */
export async function stepOnce(page) {
  const before = await epoch(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction((e) => Number(document.querySelector('[data-testid=epoch]').textContent) > e, before);
  return epoch(page);
}

/** Waits until training has advanced past `n` epochs. */
export function epochAbove(page, n, timeout = 30_000) {
  return page.waitForFunction((e) => Number(document.querySelector('[data-testid=epoch]').textContent) > e, n, { timeout });
}
