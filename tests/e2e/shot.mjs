// One screenshot of the built page as opened with a hash, optionally after training:
//   node tests/e2e/shot.mjs out.png 'hash' [width] [height] [play-ms]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [out, hash = '', w = '1440', h = '900', play = '0'] = process.argv.slice(2);
const server = await serve(process.env.NNPLAY_DIST || path.resolve(here, '../../dist'));
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
await page.goto(server.url + (hash ? `#${hash}` : ''));
await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
if (Number(play) > 0) {
  // By id: the button's name is in the page's language.
  await page.locator('#play').click();
  await page.waitForTimeout(Number(play));
  // (A stopping rule may have paused it already.)
  if (await page.locator('#play.playing').count()) await page.locator('#play').click();
  // The pointer off the page, so that no explanation covers the picture.
  await page.mouse.move(0, Number(h) - 1);
  await page.waitForTimeout(300);
}
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
server.close();
