// The search panel: a grid from a link runs on a pool of workers, the same
// link gives the same trials with one worker or two, a trial opened in the
// playground replays bit for bit, bad values are named and block Start,
// diverging trials do not stop the search, Stop keeps what finished and a
// reload brings it back, imported data is searched too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, exactLoss } from './helpers.mjs';

const ctx = suite();
const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../www/samples');
// 3 learning rates × 2 batch sizes × 2 shapes on the spiral, 60 epochs each; the playground stops at 60 too.
const GRID = 'data=spiral&act=tanh&net=6&seed=5&stop=60&search=grid&s_epochs=60&s_lr=0.01,0.03,0.3&s_batch=5,20&s_net=6|8,8&s_obj=test';

const region = (page) => page.getByRole('region', { name: 'Search' });

/** Clicks Start search and waits until every trial is back; returns the finished count. */
async function runSearch(page, timeout = 120_000) {
  await region(page).getByRole('button', { name: 'Start search' }).click();
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid=search-progress]').textContent.match(/(\d+)\/(\d+)/);
    return m && m[1] === m[2] && m[2] !== '0' && !document.querySelector('#search-start').disabled;
  }, null, { timeout });
  return page.getByTestId('search-progress').textContent();
}

/** The JSON download of the search's trials. */
async function results(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    region(page).getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

test('the Search button opens the panel with the course example preselected and its controls named', async () => {
  const { page, problems } = await ctx.open('seed=1');
  const button = page.getByRole('button', { name: 'Search', exact: true });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.ok(await region(page).isHidden());
  await button.click();
  const r = region(page);
  await r.waitFor({ state: 'visible' });
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  for (const name of ['Trials', 'Epochs per trial', 'Workers', 'Repeats']) {
    assert.ok(await r.getByRole('spinbutton', { name, exact: true }).isVisible(), name);
  }
  const strategy = r.getByRole('combobox', { name: 'Strategy' });
  assert.deepEqual(await strategy.locator('option').allTextContents(), ['Grid', 'Random', 'Bayesian']);
  assert.ok(await r.getByRole('combobox', { name: 'Objective' }).isVisible());
  for (const name of ['Learning rate', 'Batch size', 'Dropout']) {
    assert.ok(await r.getByRole('checkbox', { name, exact: true }).isChecked(), `${name} is preselected`);
  }
  for (const name of ['Hidden layers', 'Neurons per layer', 'Activation', 'Optimizer', 'Regularization',
    'Regularization rate', 'Initialization', 'Input features', 'Learning rate schedule']) {
    assert.equal(await r.getByRole('checkbox', { name, exact: true }).isChecked(), false, name);
  }
  // Workers default to the browser's cores.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.equal(await r.getByRole('spinbutton', { name: 'Workers' }).inputValue(), String(cores));
  assert.match(await page.locator('#search-count').textContent(), /^36 combinations × 200 epochs/);
  // The search is in the link now.
  assert.match(await page.evaluate(() => location.hash), /&search=grid&s_trials=30&s_epochs=200/);
  // While the panel is closed its setting checkboxes do not exist: the toolbar's controls keep their names.
  await r.getByRole('button', { name: 'Close search' }).click();
  assert.equal(await page.getByLabel('Learning rate', { exact: true }).count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a grid from a link runs on every worker, live, and the same link gives the same trials with one worker', async () => {
  const { page, problems } = await ctx.open(GRID);
  await region(page).waitFor({ state: 'visible' });
  assert.match(await runSearch(page), /^12\/12 trials/);
  assert.equal(await page.getByTestId('search-results').locator('tbody tr').count(), 12);
  for (let k = 0; k < 12; k++) assert.equal(await page.getByTestId(`trial-${k}`).count(), 1);
  const two = await results(page);
  assert.equal(two.trials.length, 12);
  const best = Math.min(...two.trials.map((t) => t.objective));
  assert.equal(Number(await page.getByTestId('search-best').getAttribute('data-value')), best);
  assert.ok(Math.abs(Number(await page.getByTestId('search-best').textContent()) - best) < 1e-3);
  for (const id of ['search-history', 'search-parallel', 'search-importance', 'search-slices']) {
    assert.ok(await page.getByTestId(id).locator('svg path, svg circle, svg rect').count() > 3, id);
  }
  // One worker, a fresh page: the same trials, bit for bit.
  const again = await ctx.open(GRID);
  await region(again.page).getByRole('spinbutton', { name: 'Workers' }).fill('1');
  await runSearch(again.page);
  const one = await results(again.page);
  assert.deepEqual(
    one.trials.map((t) => [t.trial, t.settings, t.objective, t.test_loss, t.epochs]),
    two.trials.map((t) => [t.trial, t.settings, t.objective, t.test_loss, t.epochs]),
  );
  assert.deepEqual(problems, []);
  await page.close();
  await again.page.close();
});

test('Apply best opens the best trial in the playground, and Play replays its run bit for bit', async () => {
  const { page } = await ctx.open(GRID);
  await runSearch(page);
  const trials = (await results(page)).trials;
  const best = trials.reduce((a, b) => (b.objective < a.objective ? b : a));
  await region(page).getByRole('button', { name: 'Apply best' }).click();
  await page.waitForFunction((lr) => location.hash.includes(`lr=${lr}&`), best.settings.lr);
  assert.match(await page.evaluate(() => location.hash), new RegExp(`batch=${best.settings.batch}&`));
  await page.getByRole('button', { name: 'Play' }).click();
  // The link stops at epoch 60, as the trial did.
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '60', null, { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[aria-label=Play]') !== null);
  assert.equal(await exactLoss(page, 'test-loss'), best.test_loss);
  // A row's Open button does the same for any trial.
  const other = trials.find((t) => t.trial !== best.trial);
  await page.getByRole('button', { name: `Open trial ${other.trial}`, exact: true }).click();
  await page.waitForFunction((lr) => location.hash.includes(`lr=${lr}&`), other.settings.lr);
  await page.close();
});

test('bad values are named beside their field and keep Start disabled; a huge grid is refused', async () => {
  const { page, problems } = await ctx.open('seed=1&search=grid');
  const r = region(page);
  const start = r.getByRole('button', { name: 'Start search' });
  await r.getByRole('checkbox', { name: 'Learning rate', exact: true }).check();
  const values = page.locator('#search-set-lr-values');
  await values.fill('0.1 .. 0.01');
  await page.locator('#search-set-lr-error').getByText('the minimum 0.1 is not below the maximum 0.01').waitFor();
  assert.equal(await values.getAttribute('aria-invalid'), 'true');
  assert.ok(await start.isDisabled());
  await values.fill('0.001 .. 0.1');
  await r.getByRole('checkbox', { name: 'Regularization rate', exact: true }).check();
  await page.locator('#search-set-rr-values').fill('0 .. 0.1');
  await page.locator('#search-set-rr-error').getByText('a log range needs a minimum above 0, not 0').waitFor();
  assert.ok(await start.isDisabled());
  await page.locator('#search-set-rr-values').fill('0.0001 .. 0.1');
  await page.waitForFunction(() => !document.querySelector('#search-start').disabled);
  await r.getByRole('combobox', { name: 'Strategy' }).selectOption('random');
  await r.getByRole('spinbutton', { name: 'Trials' }).fill('0');
  await page.locator('#search-trials-error').getByText('0 trials: give 1 to 2000').waitFor();
  assert.ok(await start.isDisabled());
  await r.getByRole('spinbutton', { name: 'Trials' }).fill('20');
  await r.getByRole('combobox', { name: 'Strategy' }).selectOption('grid');
  for (const name of ['Batch size', 'Hidden layers', 'Neurons per layer', 'Activation']) {
    await r.getByRole('checkbox', { name, exact: true }).check();
  }
  await page.locator('#search-set-layers-values').fill('0,1,2,3,4,5,6,7,8,9,10');
  await page.locator('#search-strategy-error').getByText(/the grid has \d+ combinations, more than 10000/).waitFor();
  assert.ok(await start.isDisabled());
  assert.deepEqual(problems, []);
  await page.close();
});

test('a diverging trial is recorded with its explanation and the search goes on; Stop keeps finished trials and a reload brings them back', async () => {
  const link = 'data=xor&net=4&seed=2&search=random&s_trials=40&s_epochs=400&s_lr=0.01,300&s_seed=3';
  const { page, problems } = await ctx.open(link);
  await region(page).getByRole('spinbutton', { name: 'Workers' }).fill('1');
  await region(page).getByRole('button', { name: 'Start search' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=search-progress]').textContent.split('/')[0]) >= 4);
  await region(page).getByRole('button', { name: 'Stop search' }).click();
  await page.locator('#search-note').getByText(/^Stopped: \d+ of 40 trials finished and kept\.$/).waitFor();
  const kept = (await results(page)).trials;
  assert.ok(kept.length >= 4);
  const diverged = kept.filter((t) => t.state === 'diverged');
  assert.ok(diverged.length > 0, 'a learning rate of 300 diverges');
  assert.match(diverged[0].message, /learning rate/);
  assert.ok(kept.some((t) => t.state === 'done'));
  assert.match(await page.getByTestId(`trial-${diverged[0].trial}`).textContent(), /diverged: /);
  // A reload of the same link brings the kept trials back; Start goes on from there.
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
  await page.locator('#search-note').getByText(/finished trials of this search were kept in this browser/).waitFor();
  assert.equal(await page.getByTestId('search-results').locator('tbody tr').count(), kept.length);
  assert.match(await runSearch(page), /^40\/40 trials/);
  const all = (await results(page)).trials;
  assert.deepEqual(all.slice(0, kept.length).map((t) => t.objective), kept.map((t) => t.objective));
  assert.deepEqual(problems, []);
  await page.close();
});

test('imported data is searched too: every worker gets the same bytes and mapping', async () => {
  const { page, problems } = await ctx.open('seed=1');
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, 'houses.csv'));
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('data=csv'));
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const r = region(page);
  await r.getByRole('combobox', { name: 'Objective' }).selectOption('r2');
  await r.getByRole('checkbox', { name: 'Dropout', exact: true }).uncheck();
  await r.getByRole('spinbutton', { name: 'Epochs per trial' }).fill('30');
  assert.match(await runSearch(page), /^12\/12 trials/);
  const trials = (await results(page)).trials;
  assert.ok(trials.every((t) => t.state === 'done'), JSON.stringify(trials.map((t) => t.message)));
  assert.ok(trials.some((t) => t.objective > 0.5), 'some setting predicts prices well (R² > 0.5)');
  assert.deepEqual(problems, []);
  await page.close();
});
