// Screenshots of the built page, for looking at it as a user would:
//   node tests/e2e/screenshot.mjs [out-dir] [hash]
// Writes default.png (as opened) and trained.png (after training a while).
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const out = path.resolve(process.argv[2] || path.join(here, '../../target/screenshots'));
const hash = process.argv[3] || '';
fs.mkdirSync(out, { recursive: true });

const server = await serve(dist);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
await page.goto(server.url + (hash ? `#${hash}` : ''));
await page.waitForSelector('[data-testid="neuron-1-1"]');
await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').textContent !== '–');
await page.screenshot({ path: path.join(out, 'default.png'), fullPage: true });
await page.getByRole('button', { name: 'Play' }).click();
await page.waitForFunction(() => Number(document.querySelector('[data-testid=epoch]').textContent) > 300, null, { timeout: 60000 });
await page.getByRole('button', { name: 'Pause' }).click();
await page.waitForTimeout(300);
await page.screenshot({ path: path.join(out, 'trained.png'), fullPage: true });
console.log(`wrote ${out}/default.png and trained.png`);
await browser.close();
await server.close();
