// Real files as published (issue 15): a messy customer file with an id, dates,
// a stray word, thousands separators and labels in two cases; a digits-like
// file with ten classes and 64 pixel columns; wide networks in the compact
// diagram; sixteen classes with sixteen colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { suite, epoch, epochAbove, stepOnce } from './helpers.mjs';

const ctx = suite();
const open = (...a) => ctx.open(...a);
const report = (page) => page.getByTestId('mapping-report').textContent();
const ready = (page) =>
  page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));

async function upload(page, name, text) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** A small random generator with a seed, so the files are the same on every run. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** 300 customers as a CRM exports them: id, signup date, age (one "forty"), income with thousands
 *  separators in quotes, a plan category, and churned written yes/Yes/no/No. */
function customers() {
  const r = rng(7);
  const rows = ['customer_id,signup,age,income,plan,churned'];
  for (let i = 0; i < 300; i++) {
    const age = Math.round(20 + r() * 50);
    const income = Math.round(20000 + r() * 90000);
    const plan = ['basic', 'pro', 'enterprise'][Math.floor(r() * 3)];
    // Churn: young, low-income basic customers leave.
    const score = (income < 50000 ? 1 : 0) + (age < 35 ? 1 : 0) + (plan === 'basic' ? 1 : 0) + r() * 0.8;
    const churned = score >= 2 ? (r() < 0.5 ? 'yes' : 'Yes') : r() < 0.5 ? 'no' : 'No';
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(i / 28) % 12).padStart(2, '0');
    rows.push(`${1001 + i},2023-${month}-${day},${i === 16 ? 'forty' : age},"${income.toLocaleString('en-US')}",${plan},${churned}`);
  }
  return rows.join('\n') + '\n';
}

test('a messy customer file imports with the defaults a data person would choose and trains in one step', async () => {
  const { page, problems } = await open('seed=1');
  await upload(page, 'customers.csv', customers());
  await ready(page);
  // The panel came into view by itself.
  assert.ok(await page.locator('#import-panel').evaluate((el) => el.getBoundingClientRect().top < innerHeight));
  const proposal = await page.getByTestId('import-proposal').textContent();
  assert.match(proposal, /Proposed target: ‘churned’ \(text with 2 values: classes\)/);
  assert.match(proposal, /‘customer_id’ \(an identifier/);
  assert.match(proposal, /‘signup’ \(dates/);
  for (const [name, on] of [['customer_id', false], ['signup', false], ['age', true], ['income', true], ['plan', true]]) {
    assert.equal(await page.getByRole('checkbox', { name, exact: true }).isChecked(), on, name);
  }
  assert.match(await page.locator('#import-preview thead th').nth(3).textContent(), /income.*numeric · 2\.\d+e4–/);
  const text = await report(page);
  assert.match(text, /1 stray value in 'age' treated as missing \(row 18: ‘forty’\)/);
  assert.match(text, /2 classes in training: (yes|no) \(\d+\), (yes|no) \(\d+\)/i);
  assert.equal(await page.getByLabel('Stray values').inputValue(), 'missing');
  // The identifier names the rows of the predictions (a choice, 'Row number' among them).
  assert.equal(await page.getByLabel('Name rows by').locator('option:checked').textContent(), 'customer_id');
  // Choosing the target (the proposed one) and training: one step.
  await page.getByLabel('Target column').selectOption({ label: 'churned' });
  await ready(page);
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('data=csv'));
  assert.match(page.url(), /&csvid=0/);
  assert.ok(await page.getByTestId('import-error').isHidden());
  await stepOnce(page);
  assert.equal(await epoch(page), 1);
  // The baseline beside the metrics, the classes by name, and no controls that do not apply.
  assert.match(
    await page.getByTestId('baseline').textContent(),
    /^Baseline: always guessing the most frequent class, ‘no’, is right for \d+\.\d% of the test rows\.$/i,
  );
  assert.match(await page.getByTestId('confusion-matrix').textContent(), /yes/i);
  assert.doesNotMatch(await page.getByTestId('confusion-matrix').textContent(), /[−+]1/);
  assert.ok(await page.locator('#noise').isDisabled());
  assert.ok(await page.getByRole('button', { name: 'Regenerate' }).isDisabled());
  assert.match(await page.locator('#regenerate').getAttribute('title'), /built-in datasets only/);
  // The predictions name each row by the file's identifier and give every class's probability.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download predictions' }).click()]);
  const preds = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.match(preds[0], /^customer_id,split,churned,prediction,p\((yes|no)\),p\((yes|no)\)$/i);
  assert.match(preds[1], /^1\d{3},(train|test),/);
  // Five inputs: the picture starts on the principal components.
  assert.equal(await page.getByLabel('Picture').inputValue(), 'pca-class');
  assert.deepEqual(problems, []);
  await page.close();
});

test('stray values can stop the import, every blocker is named at once, and a column type can be switched', async () => {
  const { page } = await open('seed=1');
  await upload(page, 'customers.csv', customers());
  await ready(page);
  await page.getByLabel('Stray values').selectOption('stop');
  await page.waitForFunction(() => /row 18, column 'age': 'forty' is not a number/.test(document.querySelector('[data-testid=mapping-report]').textContent));
  // The dates as a feature too: two problems at once.
  await page.getByRole('checkbox', { name: 'signup', exact: true }).check();
  await page.waitForFunction(() => /2 problems: \(1\) column 'signup' has 300 distinct values.*\(2\) row 18, column 'age'/.test(document.querySelector('[data-testid=mapping-report]').textContent));
  await page.getByLabel('Stray values').selectOption('missing');
  // Dates read as numbers: days since the first date, a feature.
  await page.getByLabel('Type of signup').selectOption('number');
  await ready(page);
  assert.match(await report(page), /6 features \(signup, age, income, plan=\w+, plan=\w+, plan=\w+\)/);
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('csvtype=1:number'));
  await page.close();
});

/** 8 × 8 digit glyphs: the ten prototypes, drawn on a 5 × 7 grid and placed in the 8 × 8 square. */
const GLYPHS = [
  ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
  ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
];

/** A digits-like file: 64 pixel columns (0–16, as the UCI digits) and a label 0–9; each
 *  sample is its glyph shifted by up to one pixel, with ink thickness and noise varying. */
function digits(n) {
  const r = rng(3);
  const header = [...Array(64).keys()].map((k) => `pixel_${Math.floor(k / 8)}_${k % 8}`).concat('label');
  const rows = [header.join(',')];
  for (let i = 0; i < n; i++) {
    const d = i % 10;
    const dx = Math.floor(r() * 3) + 1 - 1; // 0..2
    const dy = Math.floor(r() * 2); // 0..1
    const px = new Array(64).fill(0);
    GLYPHS[d].forEach((line, y) =>
      [...line].forEach((c, x) => {
        if (c === '1') px[(y + dy) * 8 + x + dx] = 10 + Math.round(r() * 6);
      }),
    );
    for (let k = 0; k < 64; k++) px[k] = Math.min(16, Math.max(0, px[k] + Math.round((r() - 0.5) * 6)));
    rows.push(px.concat(d).join(','));
  }
  return rows.join('\n') + '\n';
}

test('a ten-class digits-like file trains as ten classes to at least 95 % test accuracy with 64-64 ReLU and Adam', async () => {
  const { page, problems } = await open('seed=1&net=64,64&act=relu&opt=adam&lr=0.003&batch=16');
  await upload(page, 'digits.csv', digits(1000));
  await ready(page);
  assert.match(await page.getByTestId('import-proposal').textContent(), /Proposed target: ‘label’ \(named like a label\)/);
  assert.equal(await page.getByLabel('Target type').inputValue(), 'classification');
  assert.match(await report(page), /64 features .* 10 classes in training: /);
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('csvout=10'));
  assert.match(page.url(), /net=64,64/);
  // The compact diagram: one sheet per hidden layer, one matrix per layer, ten output nodes.
  assert.equal(await page.locator('#network canvas.sheet').count(), 2);
  assert.equal(await page.locator('#network canvas.matrix').count(), 3);
  assert.equal(await page.locator('#network .node[data-kind=output]').count(), 10);
  await page.getByRole('button', { name: 'Play' }).click();
  await epochAbove(page, 30, 120_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  const accuracy = Number(await page.locator('#test-accuracy').getAttribute('data-value'));
  assert.ok(accuracy >= 0.95, `test accuracy ${accuracy}`);
  // A first-layer neuron over pixel inputs shows what it looks for: its weights as an 8 × 8 image.
  await page.getByTestId('sheet-1').hover({ position: { x: 3, y: 3 } });
  await page.waitForFunction(() =>
    document.querySelector('#boundary-caption').textContent.startsWith('Neuron 1.1: its weights from the 8 × 8 pixels'),
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('a 10 × 64 network trains in the compact diagram, where hovering reads any weight and clicking edits it', async () => {
  const { page, problems } = await open('seed=1&net=64,64,64,64,64,64,64,64,64,64&act=relu');
  assert.equal(await page.locator('#network canvas.sheet').count(), 10);
  assert.equal(await page.locator('#network path.link').count(), 0, 'no curve per weight');
  await stepOnce(page);
  // Weight (to 5, from 7) of layer 3: the matrix picture's pixel column 7, row 5.
  const matrix = page.getByTestId('weights-3');
  await matrix.scrollIntoViewIfNeeded();
  const box = await matrix.boundingBox();
  // Pointer events carry whole pixels: aim at a whole pixel inside the cell.
  const cell = (k, n, start, len) => Math.ceil(start + ((k + 0.1) * len) / n);
  const at = { x: cell(7, 64, box.x, box.width), y: cell(5, 64, box.y, box.height) };
  await page.mouse.move(at.x, at.y);
  const tip = page.locator('#tooltip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /^Weight -?\d\.\d+ \(from neuron 2\.8 to neuron 3\.6\)/);
  await page.mouse.click(at.x, at.y);
  const editor = page.getByLabel('Weight', { exact: true });
  await editor.waitFor({ state: 'visible' });
  await editor.fill('2.5');
  await editor.press('Enter');
  await page.mouse.move(at.x, cell(9, 64, box.y, box.height));
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => document.querySelector('#tooltip').textContent.startsWith('Weight 2.500 (from neuron 2.8 to neuron 3.6)'));
  // A neuron's tile: hovering names it and shows it in the big picture.
  const sheet = page.getByTestId('sheet-2');
  await sheet.hover({ position: { x: 3, y: 12 * 4 + 3 } });
  await page.waitForFunction(() => document.querySelector('#tooltip').textContent.startsWith('Neuron 2.5:'));
  await page.getByRole('button', { name: 'Play' }).click();
  await epochAbove(page, 3);
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.deepEqual(problems, []);
  await page.close();
});

test('sixteen classes get sixteen distinguishable colours', async () => {
  const { page } = await open('seed=1&data=blobs&classes=16');
  const legend = page.getByTestId('class-legend');
  await legend.waitFor({ state: 'visible' });
  const colours = await legend.locator('li .swatch').evaluateAll((items) => items.map((s) => getComputedStyle(s).backgroundColor));
  assert.equal(colours.length, 16);
  assert.equal(new Set(colours).size, 16, colours.join(' '));
  assert.equal(await page.locator('#network .node[data-kind=output]').count(), 16);
  await page.close();
});
