// The page's frames while a search runs on every worker and the playground plays
// (node bench/search/frames.mjs [dist]): frames a second and frame times over 5 s,
// the playground's epochs meanwhile, the search's progress. A measurement, not a test.
import { serve } from '../../tests/e2e/server.mjs';
import { launch } from '../../tests/e2e/browser.mjs';
const server = await serve(process.argv[2] || new URL('../../dist', import.meta.url).pathname);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(server.url + '#data=spiral&act=tanh&net=8,8&seed=1&noise=0&train=50&search=grid&s_epochs=2000&s_lr=0.003,0.01,0.03,0.1&s_batch=1,10,30&s_net=4|8,8|8,8,8|6,6,6,6&s_obj=test');
await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
const r = page.getByRole('region', { name: 'Search' });
await r.waitFor();
await r.getByRole('button', { name: 'Start search' }).click();
await page.getByRole('button', { name: 'Play' }).click();
const e0 = Number(await page.getByTestId('epoch').textContent());
const frames = await page.evaluate(() => new Promise((done) => {
  const t = []; const start = performance.now();
  const step = (now) => { t.push(now); if (now - start < 5000) requestAnimationFrame(step); else done(t); };
  requestAnimationFrame(step);
}));
const e1 = Number(await page.getByTestId('epoch').textContent());
const gaps = frames.slice(1).map((x, i) => x - frames[i]).sort((a, b) => a - b);
const q = (p) => gaps[Math.floor(p * (gaps.length - 1))].toFixed(1);
console.log(JSON.stringify({ frames: frames.length, fps: (frames.length / 5).toFixed(1), median_ms: q(0.5), p95_ms: q(0.95), max_ms: q(1), epochs_played: e1 - e0, progress: await page.getByTestId('search-progress').textContent() }));
await browser.close(); server.close();
