// Export → NumPy (issue 16): the downloaded script, run with the venv's Python
// and NumPy (scripts/setup.sh makes target/pyvenv; NNPLAY_PYTHON overrides),
// gives the page's own answers: on an imported sample file the "Download
// predictions" file's class and probabilities (within 1e-4) for every row, and
// on a built-in set the page's picture (its 100 × 100 grid of outputs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { suite, stepOnce } from './helpers.mjs';

const ctx = suite();
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const samples = path.join(root, 'www/samples');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-numpy-'));

/** The venv's Python with NumPy, or null after a loud message (an error under CI). */
function python() {
  const py = process.env.NNPLAY_PYTHON ?? path.join(root, 'target/pyvenv/bin/python');
  try {
    execFileSync(py, ['-c', 'import numpy'], { stdio: 'ignore' });
    return py;
  } catch {
    const message = `*** NumPy export browser tests SKIPPED: no Python with NumPy at ${py}; run scripts/setup.sh ***`;
    if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(message);
    console.error(`\n\n${message}\n\n`);
    return null;
  }
}

/** Export → NumPy: the download's name and text. */
async function exportNumpy(page) {
  await page.getByRole('button', { name: 'Export' }).click();
  const item = page.getByRole('menuitem', { name: 'NumPy' });
  await item.waitFor({ state: 'visible' });
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

/** Parses a simple CSV (no quoted commas in these files). */
const rows = (text) => text.trim().split('\n').map((l) => l.split(','));

test('the NumPy script of an imported file predicts every row as the page does', async (t) => {
  const py = python();
  if (!py) return t.skip('no Python with NumPy');
  const { page, problems } = await ctx.open('seed=3');
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, 'fruit.csv'));
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('data=csv'));
  for (let i = 0; i < 3; i++) await stepOnce(page);

  const { name, text } = await exportNumpy(page);
  assert.equal(name, 'nnplay_model.py');
  assert.match(text, /^"""An nnplay network as NumPy code: 4 classes from an imported file/);
  assert.match(text, /^def predict_rows\(rows\):$/m);
  assert.match(text, /^CLASSES = \["apple", "banana", "orange", "lemon"\]$/m);
  assert.ok(text.includes(`#${new URL(page.url()).hash.slice(1)}`), 'the docstring carries the setup link');
  const script = path.join(tmp, name);
  fs.writeFileSync(script, text);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download predictions' }).click(),
  ]);
  const preds = rows(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(preds[0], ['row', 'split', 'fruit', 'prediction', 'p(apple)', 'p(banana)', 'p(orange)', 'p(lemon)']);

  // The script's command line on the original file: one line per data row (file row = line + 1).
  const out = rows(execFileSync(py, [script, path.join(samples, 'fruit.csv')], { encoding: 'utf8' }));
  assert.deepEqual(out[0], ['prediction', 'p(apple)', 'p(banana)', 'p(orange)', 'p(lemon)']);
  assert.equal(out.length - 1, 240, 'a prediction for every row of the file');
  let worst = 0;
  for (const p of preds.slice(1)) {
    const fileRow = Number(p[0]);
    const mine = out[fileRow - 1];
    assert.equal(mine[0], p[3], `row ${fileRow}: the same predicted class`);
    for (let k = 0; k < 4; k++) {
      const diff = Math.abs(Number(mine[1 + k]) - Number(p[4 + k]));
      worst = Math.max(worst, diff);
      assert.ok(diff <= 1e-4, `row ${fileRow}: p(${preds[0][4 + k]}) ${mine[1 + k]} vs the page's ${p[4 + k]}`);
    }
  }
  assert.equal(preds.length - 1, 240);
  console.log(`fruit.csv: ${preds.length - 1} rows, largest probability difference ${worst.toExponential(2)}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the NumPy script of a regression file gives the page's predicted values", async (t) => {
  const py = python();
  if (!py) return t.skip('no Python with NumPy');
  const { page } = await ctx.open('seed=2');
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, 'houses.csv'));
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('data=csv'));
  for (let i = 0; i < 2; i++) await stepOnce(page);
  const { text } = await exportNumpy(page);
  assert.match(text, /^TARGET = "price_keur"$/m);
  const script = path.join(tmp, 'houses_model.py');
  fs.writeFileSync(script, text);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download predictions' }).click(),
  ]);
  const preds = rows(fs.readFileSync(await download.path(), 'utf8'));
  const out = rows(execFileSync(py, [script, path.join(samples, 'houses.csv')], { encoding: 'utf8' }));
  assert.deepEqual(out[0], ['prediction']);
  for (const p of preds.slice(1)) {
    const [mine, page_] = [Number(out[Number(p[0]) - 1][0]), Number(p[3])];
    assert.ok(Math.abs(mine - page_) <= 1e-4 * Math.max(1, Math.abs(page_)), `row ${p[0]}: ${mine} vs the page's ${page_}`);
  }
  assert.equal(preds.length - 1, 300);
  await page.close();
});

test("the NumPy script of a built-in set gives the page's picture", async (t) => {
  const py = python();
  if (!py) return t.skip('no Python with NumPy');
  const { page, problems } = await ctx.open('data=spiral&act=relu&in=x1,x2,x1sq,x2sq,sinx1&net=6,4&seed=4');
  for (let i = 0; i < 3; i++) await stepOnce(page);
  const { text } = await exportNumpy(page);
  assert.match(text, /^CLASSES = \["-1", "\+1"\]$/m);
  assert.match(text, /^INPUTS = \["X1", "X2", "X1²", "X2²", "sin\(X1\)"\]$/m);
  const script = path.join(tmp, 'spiral_model.py');
  fs.writeFileSync(script, text);
  // The page's own picture: its last snapshot's outputs on the 100 × 100 grid (tanh, −1 … +1).
  const picture = await page.evaluate(() => Array.from(window.nnplayExportBoot.state()[1].output));
  assert.equal(picture.length, 100 * 100);
  // The same grid in Python (crate::grid::coord in float32), through predict_points.
  const driver = [
    'import importlib.util, sys',
    'import numpy as np',
    'spec = importlib.util.spec_from_file_location("m", sys.argv[1]); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)',
    'f = np.float32',
    'c = [f(-6) + f(12) * (f(i) + f(0.5)) / f(100) for i in range(100)]',
    'xy = [[c[i], -c[j]] for j in range(100) for i in range(100)]',
    'for p in m.predict_points(xy): print(format(float(p[1]), ".9g"))',
  ].join('\n');
  const second = execFileSync(py, ['-c', driver, script], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').map(Number);
  assert.equal(second.length, 100 * 100);
  let worst = 0;
  second.forEach((p, k) => {
    const diff = Math.abs(2 * p - 1 - picture[k]);
    worst = Math.max(worst, diff);
    assert.ok(diff <= 1e-4, `grid point ${k}: the script's ${2 * p - 1} vs the picture's ${picture[k]}`);
  });
  console.log(`spiral: 10000 grid points, largest difference ${worst.toExponential(2)}`);
  assert.deepEqual(problems, []);
  await page.close();
});
