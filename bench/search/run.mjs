#!/usr/bin/env node
// The nnplay side of the search benchmark: the built page (dist/) in headless
// Chromium runs the benchmark's 48-trial grid (learning rate x batch size x
// network, tanh, 500 epochs a trial, spiral data) from its Search panel, first
// with Workers = 1, then with Workers = N (N = the browser's
// navigator.hardwareConcurrency), each in a freshly opened page. A run's
// time is from the click on "Start search" to the progress text reaching
// "48/48", both taken inside the page (performance.now() in a click listener
// and a MutationObserver). Prints one JSON object (and writes it to --out):
// trials per second for 1 and N workers, the scaling ratio
// N-worker trials/s / (N x 1-worker trials/s), and with --peer (the JSON of
// bench/search/peer_sklearn.py) the ratio to the Python peer's figure.
//
//   node bench/search/run.mjs [--dist dist] [--out FILE] [--peer FILE]
//                             [--workers N] [--rounds R] [--timeout SECONDS]
//
// --rounds R runs the pair (1 worker, N workers) R times, alternating, and
// reports the median of each (timings on a shared machine are noisy).
//
// scripts/bench-search.sh runs it after the Python peer. No timing is asserted.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tests/e2e/server.mjs';
import { launch } from '../../tests/e2e/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** The benchmark's search, as a link (the issue's; the grid is the peer's). */
export const HASH =
  'data=spiral&act=tanh&net=8,8&seed=1&noise=0&train=50&search=grid&s_epochs=500' +
  '&s_lr=0.003,0.01,0.03,0.1&s_batch=1,10,30&s_net=4|8,8|8,8,8|6,6,6,6&s_obj=test';
export const TRIALS = 48;
export const EPOCHS = 500;

function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    if (!s.startsWith('--')) throw new Error(`unexpected argument ${s}`);
    const eq = s.indexOf('=');
    if (eq > 0) a[s.slice(2, eq)] = s.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) a[s.slice(2)] = argv[++i];
    else a[s.slice(2)] = true;
  }
  return a;
}

const args = parseArgs(process.argv.slice(2));
const DIST = path.resolve(root, args.dist || 'dist');
const OUT = args.out ? path.resolve(args.out) : null;
const PEER = args.peer ? path.resolve(args.peer) : null;
const TIMEOUT_MS = Number(args.timeout || 3600) * 1000;
const ROUNDS = Math.max(1, Number(args.rounds || 1));
const log = (...m) => console.error('nnplay search bench:', ...m);

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`no built page at ${DIST} (scripts/build.sh builds it)`);
  process.exit(2);
}

/** Opens the page at the benchmark's link and waits until it has drawn its first snapshot. */
async function open(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${url}#${HASH}`);
  await page.waitForSelector('[data-testid="neuron-output"]');
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]')?.dataset.value !== undefined);
  return { page, problems };
}

/** The Search panel (a region or a dialog named "Search"), opened from the toolbar if it is closed. */
async function searchPanel(page) {
  const panel = page.getByRole('region', { name: 'Search', exact: true })
    .or(page.getByRole('dialog', { name: 'Search', exact: true }));
  if (!(await panel.first().isVisible())) {
    await page.getByRole('button', { name: 'Search', exact: true }).click();
  }
  await panel.first().waitFor({ state: 'visible' });
  return panel.first();
}

/** Sets a number input and commits it (input and change events). */
async function setNumber(input, value) {
  await input.fill(String(value));
  await input.press('Tab');
  const got = await input.inputValue();
  if (Number(got) !== value) throw new Error(`the input kept ${got}, not ${value}`);
}

/** The panel's settings as the page shows them (to check the link was read as meant). */
async function settings(panel) {
  const value = async (loc) => (await loc.count()) ? loc.first().inputValue() : null;
  const selected = async (loc) => (await loc.count())
    ? loc.first().evaluate((s) => s.selectedOptions[0]?.textContent.trim() ?? s.value) : null;
  return {
    trials: await value(panel.getByRole('spinbutton', { name: 'Trials', exact: true })),
    epochs: await value(panel.getByRole('spinbutton', { name: 'Epochs per trial', exact: true })),
    workers: await value(panel.getByRole('spinbutton', { name: 'Workers', exact: true })),
    repeats: await value(panel.getByRole('spinbutton', { name: 'Repeats', exact: true })),
    strategy: await selected(panel.getByRole('combobox', { name: 'Strategy', exact: true })),
    objective: await selected(panel.getByRole('combobox', { name: 'Objective', exact: true })),
  };
}

/** One search with `workers` workers in a fresh page; returns its figures. */
async function runOnce(browser, url, workers) {
  const { page, problems } = await open(browser, url);
  try {
    const panel = await searchPanel(page);
    await setNumber(panel.getByRole('spinbutton', { name: 'Workers', exact: true }), workers);
    const repeats = panel.getByRole('spinbutton', { name: 'Repeats', exact: true });
    if ((await repeats.inputValue()) !== '1') await setNumber(repeats, 1);
    const shown = await settings(panel);
    if (Number(shown.epochs) !== EPOCHS) throw new Error(`Epochs per trial shows ${shown.epochs}, not ${EPOCHS}`);
    // A grid runs all its points whatever Trials says (Trials is for the sampling strategies).
    if (!/grid/i.test(shown.strategy ?? '')) throw new Error(`Strategy shows ${shown.strategy}, not the grid`);

    const start = panel.getByRole('button', { name: 'Start search', exact: true });
    // The clock, inside the page: the click on Start, then the first time the
    // progress text reads done/total with done = total.
    await page.evaluate(({ trials }) => {
      const clock = { start: null, end: null, total: null, last: null };
      window.__searchClock = clock;
      const read = () => {
        const el = document.querySelector('[data-testid=search-progress]');
        const m = el && /(\d+)\s*\/\s*(\d+)/.exec(el.textContent);
        if (!m || clock.start === null || clock.end !== null) return;
        const [done, total] = [Number(m[1]), Number(m[2])];
        clock.last = `${done}/${total}`;
        clock.total = total;
        if (done === total && total === trials) {
          clock.end = performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(read);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    }, { trials: TRIALS });
    // At the window, capturing: before the page's own handler of the click runs.
    await start.evaluate((button) => {
      window.addEventListener('click', (e) => {
        if (button.contains(e.target)) window.__searchClock.start ??= performance.now();
      }, { capture: true });
    });
    await start.click();
    await page.waitForFunction(() => window.__searchClock.start !== null, null, { timeout: 10_000 });
    // A progress that counts to another total is the wrong search: stop at once.
    await page.waitForFunction(({ trials }) => {
      const c = window.__searchClock;
      return c.end !== null || (c.total > 0 && c.total !== trials);
    }, { trials: TRIALS }, { timeout: TIMEOUT_MS, polling: 250 });
    const clock = await page.evaluate(() => window.__searchClock);
    if (clock.end === null) throw new Error(`the progress counts to ${clock.total}, not ${TRIALS} (last: ${clock.last})`);
    const seconds = (clock.end - clock.start) / 1000;

    const rows = await page.getByTestId('search-results').locator('[data-testid^="trial-"]').count();
    const best = (await page.getByTestId('search-best').textContent())?.trim() ?? null;
    if (rows !== TRIALS) log(`note: ${rows} result rows for ${TRIALS} trials`);
    return {
      workers,
      trials: TRIALS,
      seconds: Number(seconds.toFixed(3)),
      trials_per_second: Number((TRIALS / seconds).toFixed(4)),
      settings: shown,
      result_rows: rows,
      best,
      problems,
    };
  } finally {
    await page.close();
  }
}

const server = await serve(DIST);
const browser = await launch();
let out;
try {
  const probe = await browser.newPage();
  await probe.goto(server.url);
  const cores = await probe.evaluate(() => navigator.hardwareConcurrency);
  await probe.close();
  const n = args.workers ? Number(args.workers) : cores;
  const counts = n > 1 ? [1, n] : [1];
  const runs = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const w of counts) {
      log(`round ${round}/${ROUNDS}: ${TRIALS} trials with ${w} worker${w === 1 ? '' : 's'} ...`);
      const r = await runOnce(browser, server.url, w);
      log(`${w} worker${w === 1 ? '' : 's'}: ${r.seconds} s, ${r.trials_per_second} trials/s`);
      runs.push({ round, ...r });
    }
  }
  const median = (w) => {
    const v = runs.filter((r) => r.workers === w).map((r) => r.trials_per_second).sort((a, b) => a - b);
    const m = v.length >> 1;
    return { workers: w, trials_per_second: v.length % 2 ? v[m] : Number(((v[m - 1] + v[m]) / 2).toFixed(4)) };
  };
  const one = median(1);
  const many = median(counts[counts.length - 1]);
  out = {
    side: 'nnplay (headless Chromium)',
    browser: browser.version(),
    hardware_concurrency: cores,
    link: `#${HASH}`,
    rounds: ROUNDS,
    runs,
    one_worker_trials_per_second: one.trials_per_second,
    n_workers: many.workers,
    n_workers_trials_per_second: many.trials_per_second,
    // The scaling figure: N-worker trials/s / (N x one-worker trials/s) (asked: >= 0.85).
    scaling: Number((many.trials_per_second / (many.workers * one.trials_per_second)).toFixed(3)),
  };
  if (PEER) {
    const peer = JSON.parse(fs.readFileSync(PEER, 'utf8'));
    const figure = peer.peer_figure;
    out.peer = {
      file: path.relative(root, PEER),
      variant: figure.variant,
      jobs: figure.jobs,
      trials_per_second: figure.trials_per_second,
      one_job_trials_per_second: peer.one_job?.trials_per_second ?? null,
    };
    // The speed figure: nnplay's trials/s over the peer's, both with all cores (asked: >= 10).
    out.ratio_to_peer = Number((many.trials_per_second / figure.trials_per_second).toFixed(2));
    if (out.peer.one_job_trials_per_second) {
      out.ratio_to_peer_one_worker = Number((one.trials_per_second / out.peer.one_job_trials_per_second).toFixed(2));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const text = JSON.stringify(out, null, 2);
if (OUT) {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text + '\n');
}
console.log(text);
