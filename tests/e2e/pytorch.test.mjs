// Export → PyTorch and Export → Optuna: the menu items download Python files
// that carry the page's setup (and, for Optuna, the link's search); without a
// search in the link, Optuna explains that a search must run first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { suite } from './helpers.mjs';

const ctx = suite();

/** Clicks Export → `item` and returns the downloaded file's name and text. */
async function exportItem(page, item) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

test('Export → PyTorch downloads a script with the setup, its weights and its data', async () => {
  const { page, problems } = await ctx.open('data=spiral&opt=adam&lr=0.003&net=6,4&drop=0.1,0&batch=16&seed=3');
  const { name, text } = await exportItem(page, 'PyTorch');
  assert.equal(name, 'nnplay-run.py');
  assert.ok(text.startsWith('#!/usr/bin/env python3\n'));
  for (const want of [
    '"hidden": [6, 4],',
    '"optimizer": "adam",',
    '"optimizer_params": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7},',
    '"learning_rate": 0.003,',
    '"batch_size": 16,',
    '"dropout": [0.1, 0.0],',
    '"seed": 3,',
    'class PlaygroundOptimizer(torch.optim.Optimizer):',
    'DistributedSampler(',
  ]) assert.ok(text.includes(want), `missing ${want}`);
  assert.match(text, /^LINK = "#data=spiral&.*opt=adam/m);
  // The spiral's 500 points: 250 train rows embedded (x1, x2, label).
  const train = text.split('DATA = {')[1].split('"validation"')[0];
  assert.equal(train.split('\n        [').length - 1, 250);
  assert.deepEqual(problems, []);
});

test('Export → Optuna without a search says a search must run first', async () => {
  const { page, problems } = await ctx.open('data=circle&seed=1');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Optuna', exact: true }).click();
  const notice = page.getByTestId('export-notice');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /search first/);
  assert.deepEqual(problems, []);
});

test('Export → Optuna after a search link downloads the study with its space, sampler and pruner', async () => {
  const link = 'data=circle&seed=1&search=random&s_trials=12&s_epochs=50&s_obj=test&s_prune=median&s_lr=0.001..0.1&s_act=tanh,relu';
  const { page, problems } = await ctx.open(link);
  await page.waitForFunction(() => /search=random/.test(location.hash));
  const { name, text } = await exportItem(page, 'Optuna');
  assert.equal(name, 'nnplay-run-optuna.py');
  for (const want of [
    'STRATEGY = "random"',
    'TRIALS = 12',
    'TRIAL_EPOCHS = 50',
    'OBJECTIVE = "test"',
    'DIRECTION = "minimize"',
    'PRUNER = "median"',
    'CHECKS = [5, 10, 15, 20, 25, 30, 35, 40, 45]',
    '{"name": "lr", "setting": "lr", "type": "float", "low": 0.001, "high": 0.1, "log": True},',
    '{"name": "act", "setting": "act", "type": "categorical", "choices": ["tanh", "relu"]},',
    'load_if_exists=True',
    '"--storage", default="sqlite:///nnplay-study.db"',
    '"--study-name"',
    'def train(s, epochs',
  ]) assert.ok(text.includes(want), `missing ${want}`);
  assert.deepEqual(problems, []);
});
