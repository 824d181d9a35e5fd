// Offline and installing (www/sw.js, scripts/sw-build.mjs, www/manifest.webmanifest):
// after one visit the page trains offline, opens a sample file, its lessons,
// its export menu and its search (whose trials run in workers), and opens when
// the network has gone silent (bad Wi-Fi); a new build
// replaces the old cache and the page gets the new files; the manifest has no
// errors and its icons are the sizes it says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suite, dist, epoch, stepOnce } from './helpers.mjs';
import { serve } from './server.mjs';
import { launchProfile } from './browser.mjs';
import { execFileSync } from 'node:child_process';

const ctx = suite();
// A missing or broken service worker makes the waits below hang; the timeout turns that into a failure.
const here = path.dirname(new URL(import.meta.url).pathname);

/** The build that dist/sw.js (or `dir`/sw.js) precaches, as sw-build.mjs wrote it. */
function build(dir = dist) {
  const line = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/^const BUILD = (.*);$/m);
  return JSON.parse(line[1]);
}

/** A page in its own browser context, with console errors and page errors collected. */
async function visit(url) {
  const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await trains(page);
  return { context, page, problems };
}

/** Waits for the page's first loss (its first snapshot). */
const trains = (page) => page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);

/** Waits until the service worker is active and controls the page; the page's cache names. */
const controlled = (page) => page.evaluate(async () => {
  const sw = navigator.serviceWorker;
  await sw.ready;
  if (!sw.controller) await new Promise((r) => sw.addEventListener('controllerchange', r, { once: true }));
  return caches.keys();
});

/** Waits until the page's caches are exactly the one of build `version`; their names. */
const onlyCache = (page, version) => page.evaluate(async (v) => {
  for (;;) {
    const names = await caches.keys();
    if (names.length === 1 && names[0].endsWith(` ${v}`)) return names;
    await new Promise((r) => setTimeout(r, 100));
  }
}, version);

const cachedCount = (page, name) => page.evaluate(async (n) => (await (await caches.open(n)).keys()).length, name);

test('after one visit the page trains offline, opens a sample file, its lessons, export menu and search', { timeout: 180_000 }, async () => {
  const { version, files } = build();
  assert.ok(files.includes('index.html') && files.includes('teach_bg.wasm') && files.includes('samples/moons.csv'));
  ctx.server.served.length = 0;
  // A link that opens the search panel too (its module and its trial workers are lazy).
  const link = 'data=xor&net=4&seed=2&search=random&s_trials=4&s_epochs=30&s_lr=0.01,0.3&s_seed=3';
  const { context, page, problems } = await visit(`${ctx.server.url}#${link}`);
  const names = await controlled(page);
  assert.deepEqual(names, [`nnplay ${ctx.server.url} ${version}`]);
  assert.equal(await cachedCount(page, names[0]), files.length, 'every built file precached');
  // The worker registered after the page trained: its script came after the page's wasm,
  // and each precached file was fetched once, marked as the precache.
  const served = ctx.server.served;
  const wasmAt = served.findIndex((r) => r.path.endsWith('_bg.wasm'));
  const swAt = served.findIndex((r) => r.headers['service-worker'] === 'script');
  assert.ok(wasmAt >= 0 && swAt > wasmAt, `sw.js requested at ${swAt}, the page's wasm at ${wasmAt}`);
  const precached = served.filter((r) => 'x-nnplay-precache' in r.headers).map((r) => encodeURI(r.path)).sort();
  assert.deepEqual(precached, files);

  await context.setOffline(true);
  const before = served.length;
  await page.reload();
  await trains(page);
  // Training: Step moves the epoch; Play runs on (the training worker started offline).
  assert.equal(await stepOnce(page), 1);
  assert.ok(Number.isFinite(Number(await page.getByTestId('train-loss').getAttribute('data-value'))));
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=epoch]').textContent) > 20);
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.ok((await epoch(page)) > 20);

  // The search module and its trial workers.
  const search = page.getByRole('region', { name: 'Search' });
  await search.getByRole('spinbutton', { name: 'Workers' }).fill('2');
  await search.getByRole('button', { name: 'Start search' }).click();
  await page.waitForFunction(() => /^4\/4 trials/.test(document.querySelector('[data-testid=search-progress]').textContent));

  // A sample file, fetched offline, imports and trains.
  const csv = await page.evaluate(() => fetch('samples/moons.csv').then((r) => r.text()));
  assert.equal(csv, fs.readFileSync(path.join(dist, 'samples/moons.csv'), 'utf8'));
  await page.getByLabel('CSV file').setInputFiles({ name: 'moons.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('data=csv'));

  // The lessons module (its list), the export module (its menu) and the other language.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const lessons = page.getByRole('navigation', { name: 'Lessons' });
  await lessons.waitFor({ state: 'visible' });
  assert.ok((await lessons.getByRole('link').count()) >= 12);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'NumPy' }).waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await page.locator('#lang').selectOption('zh');
  await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));

  assert.equal(served.length, before, 'nothing reached the server while offline');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a network that has gone silent the page opens from the cache after a few seconds', { timeout: 180_000 }, async () => {
  const { context, page, problems } = await visit(`${ctx.server.url}#seed=1`);
  await controlled(page);
  ctx.server.stall = (p) => p === 'index.html';
  try {
    await page.reload();
    await trains(page);
    assert.equal(await stepOnce(page), 1);
    assert.deepEqual(problems, []);
  } finally {
    ctx.server.stall = null;
    await context.close();
  }
});

test('a new build replaces the old cache and the page gets its files', { timeout: 180_000 }, async () => {
  // A copy of dist/ to deploy a second build into.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-offline-'));
  fs.cpSync(dist, root, { recursive: true });
  const server = await serve(root);
  try {
    const first = build(root).version;
    const { context, page, problems } = await visit(server.url);
    assert.deepEqual(await controlled(page), [`nnplay ${server.url} ${first}`]);

    // The second build: a changed page and sample file, then sw.js written by the post-build step.
    const html = path.join(root, 'index.html');
    fs.writeFileSync(html, fs.readFileSync(html, 'utf8').replace(/<meta charset=[^>]*>/, '$&<meta name=nnplay-test-build content=2>'));
    const sample = path.join(root, 'samples/moons.csv');
    const csv = `${fs.readFileSync(sample, 'utf8')}0.5,0.25,1\n`;
    fs.writeFileSync(sample, csv);
    // Before sw.js changes, the old worker answers: the new page gets the new files, not the
    // old build's cached ones.
    await page.reload();
    await trains(page);
    assert.equal(await page.locator('meta[name=nnplay-test-build]').count(), 1);
    assert.equal(await page.evaluate(() => fetch('samples/moons.csv').then((r) => r.text())), csv);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`nnplay ${server.url} ${first}`]);

    const swBuild = () => execFileSync(process.execPath, [path.join(here, '../../scripts/sw-build.mjs'), root]);
    swBuild();
    const second = build(root).version;
    assert.notEqual(second, first);
    swBuild();
    assert.equal(build(root).version, second, 'the same files give the same version');
    // A visit (the browser checks sw.js on navigation): the new worker precaches, takes over and
    // deletes the old build's cache.
    await page.reload();
    await trains(page);
    const names = await onlyCache(page, second);
    assert.equal(await cachedCount(page, names[0]), build(root).files.length);
    const swCached = await page.evaluate(async (n) => !!(await (await caches.open(n)).match('sw.js')), names[0]);
    assert.equal(swCached, false, 'sw.js itself is not precached');

    // Offline, the page and the sample are the new build's.
    await context.setOffline(true);
    await page.reload();
    await trains(page);
    assert.equal(await page.locator('meta[name=nnplay-test-build]').count(), 1);
    assert.equal(await page.evaluate(() => fetch('samples/moons.csv').then((r) => r.text())), csv);
    assert.equal(await stepOnce(page), 1);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the web app manifest has no errors, the page is installable, and the icons are PNGs of the sizes named', { timeout: 180_000 }, async () => {
  // A real profile: in an off-the-record one Chromium reports the page not installable ('in-incognito').
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-profile-'));
  const context = await launchProfile(profile, { viewport: { width: 1400, height: 1000 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(ctx.server.url);
    await trains(page);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${ctx.server.url}manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    const data = JSON.parse(manifest.data);
    assert.equal(data.display, 'standalone');
    assert.equal(data.start_url, '.');
    assert.equal(data.short_name, 'nnplay');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    for (const icon of data.icons) {
      const png = fs.readFileSync(path.join(dist, icon.src));
      assert.equal(png.subarray(1, 4).toString(), 'PNG', icon.src);
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
    }
    assert.ok(data.icons.some((i) => i.purpose === 'maskable'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
