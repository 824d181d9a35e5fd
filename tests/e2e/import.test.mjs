// Importing CSV data: the file input, paste, preview and mapping, and
// broken or hostile files that must not disturb the current run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, epoch, epochAbove, stepOnce } from './helpers.mjs';

const ctx = suite();
const open = (...a) => ctx.open(...a);
const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../www/samples');

/** Imports a sample file and trains on it with the proposed mapping; waits for `hashPart`. */
async function trainOnSample(page, file, hashPart) {
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, file));
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction((h) => location.hash.includes(h), hashPart);
}

async function upload(page, name, text) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('each sample file imports with a preview, types and a checked mapping', async () => {
  const { page, problems } = await open('seed=1');
  const expect = {
    'houses.csv': { columns: 5, target: 'price_keur', type: 'regression', feature: 'area_m2' },
    'moons.csv': { columns: 3, target: 'class', type: 'classification', feature: 'x' },
    'fruit.csv': { columns: 6, target: 'fruit', type: 'classification', feature: 'colour' },
  };
  for (const [file, want] of Object.entries(expect)) {
    await page.getByLabel('CSV file').setInputFiles(path.join(samples, file));
    await page.locator('#import-panel').waitFor({ state: 'visible' });
    await page.waitForFunction((n) => document.querySelectorAll('#import-preview thead th').length === n, want.columns);
    const target = page.getByLabel('Target column');
    assert.equal(await target.locator('option:checked').textContent(), want.target, file);
    assert.equal(await page.getByLabel('Target type').inputValue(), want.type, file);
    assert.ok(await page.getByRole('checkbox', { name: want.feature, exact: true }).isChecked(), `${want.feature} is a feature`);
    await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
    assert.ok(await page.getByTestId('import-error').isHidden());
  }
  const report = await page.getByTestId('mapping-report').textContent();
  assert.match(report, /4 classes in training: apple/);
  assert.match(report, /missing values of 'weight_g' filled in/);
  const meta = await page.locator('#import-preview thead th').nth(2).textContent();
  assert.match(meta, /colour.*categorical · 4 values/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('pasted CSV imports too, and the mapping controls re-check it', async () => {
  const { page } = await open('seed=1');
  await page.getByLabel('Paste CSV').fill('a;b;label\n1,5;2;x\n2,5;NA;y\n3,5;4;x\n4,5;5;y\n');
  await page.getByRole('button', { name: 'Import' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  assert.match(await page.locator('#import-summary').textContent(), /4 rows × 3 columns · semicolon-separated/);
  await page.getByLabel('Missing values').selectOption('drop');
  await page.waitForFunction(() => /1 rows with missing values dropped/.test(document.querySelector('[data-testid=mapping-report]').textContent));
  await page.getByRole('checkbox', { name: 'a', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'b', exact: true }).uncheck();
  await page.waitForFunction(() => /choose at least one feature/.test(document.querySelector('[data-testid=mapping-report]').textContent));
  await page.close();
});

test('a broken file shows where it is broken while the current run keeps training', async () => {
  const { page } = await open('seed=1&data=xor');
  const hash = new URL(page.url()).hash;
  await page.getByRole('button', { name: 'Play' }).click();
  await epochAbove(page, 5);
  await upload(page, 'broken.csv', 'a,b,c\n1,2,3\n4,5,6\n7,8\n');
  const error = page.getByTestId('import-error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /row 4 has 2 fields, expected 3.*unchanged/);
  const e1 = await epoch(page);
  await epochAbove(page, e1);
  assert.equal(new URL(page.url()).hash, hash);
  assert.equal(await page.getByLabel('Dataset').inputValue(), 'xor');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.close();
});

test('empty, binary and oversized-class files give clear errors', async () => {
  const { page, problems } = await open('seed=1');
  const error = page.getByTestId('import-error');
  await upload(page, 'empty.csv', '');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /the file is empty/);
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await page.getByLabel('CSV file').setInputFiles({ name: 'noise.bin', mimeType: 'application/octet-stream', buffer: binary });
  await page.waitForFunction(() => /Import failed/.test(document.querySelector('[data-testid=import-error]').textContent) && !/empty/.test(document.querySelector('[data-testid=import-error]').textContent));
  const many = ['x,label', ...Array.from({ length: 50 }, (_, i) => `${(i * 37) % 50},L${i % 20}`)].join('\n');
  await upload(page, 'many.csv', many);
  await page.waitForFunction(() => /at most 16 classes/.test(document.querySelector('[data-testid=mapping-report]').textContent));
  assert.match(await page.getByTestId('mapping-report').textContent(), /column 'label' has 20 distinct values; at most 16 classes/);
  // The file was read: a mapping problem shows beside the mapping only, not as a failed import.
  assert.ok(await error.isHidden());
  assert.deepEqual(problems, []);
  await page.close();
});

test('markup in a CSV is shown as text', async () => {
  const { page } = await open('seed=1');
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await upload(page, 'xss.csv', '"<img src=x onerror=alert(1)>",<b>bold</b>,label\n1,2,<script>alert(2)</script>\n3,4,ok\n');
  await page.locator('#import-panel').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#import-panel img, #import-panel b, #import-panel script').count(), 0);
  assert.ok(await page.getByRole('checkbox', { name: '<img src=x onerror=alert(1)>' }).count());
  assert.match(await page.locator('#import-preview').textContent(), /<script>alert\(2\)<\/script>/);
  assert.deepEqual(dialogs, []);
  await page.close();
});

test('training on imported data: two classes, then regression, then back to a built-in set', async () => {
  const { page, problems } = await open('seed=2');
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, 'moons.csv'));
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('data=csv'));
  assert.match(page.url(), /csvin=2&axes=0,1/);
  assert.equal(await page.getByLabel('Dataset').inputValue(), 'csv');
  assert.ok(await page.getByLabel('X axis').isVisible());
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=test-loss]').dataset.value) < 0.2, null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();

  // Four classes, text columns and missing values: softmax over four outputs.
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, 'fruit.csv'));
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('csvout=4'));
  const legend = page.getByTestId('class-legend');
  assert.ok(await legend.isVisible());
  assert.equal(await legend.locator('li').allTextContents().then((t) => t.join(',')), 'apple,banana,orange,lemon');
  assert.equal(await page.locator('#network .node[data-kind=output]').count(), 4);
  const start = Number(await page.getByTestId('test-loss').getAttribute('data-value'));
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction((s) => Number(document.querySelector('[data-testid=test-loss]').dataset.value) < s * 0.5, start, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();

  // Regression with five columns: four inputs on a plane of two.
  await trainOnSample(page, 'houses.csv', 'csvin=4');
  assert.equal(await page.getByLabel('Problem type').inputValue(), 'regression');
  await page.getByLabel('Picture').selectOption('plane');
  await page.getByLabel('Y axis').selectOption({ label: 'distance_km' });
  await page.waitForFunction(() => location.hash.includes('axes=0,3'));
  await page.getByRole('button', { name: 'Play' }).click();
  await epochAbove(page, 20);
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.ok(Number.isFinite(await page.getByTestId('test-loss').getAttribute('data-value').then(Number)));

  await page.getByLabel('Dataset').selectOption('spiral');
  await page.waitForFunction(() => location.hash.startsWith('#data=spiral'));
  assert.ok(await page.getByLabel('X axis').isHidden());
  assert.ok(await page.getByTestId('neuron-1-1').isVisible());
  assert.deepEqual(problems, []);
  await page.close();
});

test('an incomplete link to imported data opens the default set with a notice', async () => {
  const { page } = await open('data=csv&problem=classification&csvin=5&axes=0,1&seed=1');
  const notice = page.getByTestId('url-notice');
  assert.ok(await notice.isVisible());
  assert.match(await notice.textContent(), /imported data's setup is incomplete/);
  assert.equal(await page.getByLabel('Dataset').inputValue(), 'circle');
  await page.close();
});

test('a small imported file travels in the link and replays the same run', async () => {
  const { page: a } = await open('seed=6');
  await a.getByLabel('CSV file').setInputFiles(path.join(samples, 'moons.csv'));
  await a.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await a.getByLabel('Scaling').selectOption('minmax');
  await a.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await a.getByRole('button', { name: 'Train on this data' }).click();
  await a.waitForFunction(() => location.hash.includes('csvdata='));
  const link = a.url();
  assert.match(link, /csvcol=x&csvcol=y&csvcol=class&csvfeat=0,1&csvtarget=2&csvtask=classification&csvmissing=mean&csvscale=minmax/);
  const steps = async (page) => {
    for (let i = 0; i < 4; i++) await stepOnce(page);
    return [await page.getByTestId('train-loss').getAttribute('data-value'), await page.getByTestId('test-loss').getAttribute('data-value')];
  };
  const lossA = await steps(a);
  const { page: b, problems } = await open(new URL(link).hash.slice(1));
  await b.waitForFunction(() => document.getElementById('dataset').value === 'csv');
  assert.ok(await b.getByTestId('url-notice').isHidden());
  assert.deepEqual(await steps(b), lossA);
  assert.deepEqual(problems, []);
  await a.close();
  await b.close();
});

test('a link to a larger file asks for it and maps it the same way', async () => {
  const rows = ['a,b,c,d,label'];
  for (let i = 0; i < 500; i++) rows.push(`${i % 7},${(i * 3) % 11},${i % 5},${(i * 7) % 13},${(i % 7) + (i % 5) > 5 ? 'hi' : 'lo'}`);
  const big = rows.join('\n') + '\n';
  const { page: a } = await open('seed=6');
  await upload(a, 'big.csv', big);
  await a.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await a.getByRole('checkbox', { name: 'b', exact: true }).uncheck();
  await a.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready: 3 features'));
  await a.getByRole('button', { name: 'Train on this data' }).click();
  await a.waitForFunction(() => location.hash.includes('csvin=3'));
  const link = a.url();
  assert.doesNotMatch(link, /csvdata=/, '2,500 cells do not travel in links');
  const { page: b } = await open(new URL(link).hash.slice(1));
  assert.match(await b.getByTestId('url-notice').textContent(), /own CSV file with the columns a, b, c, d, label/);
  assert.equal(await b.getByLabel('Dataset').inputValue(), 'circle');
  await upload(b, 'other.csv', 'x,y\n1,2\n3,4\n');
  await b.getByTestId('import-error').waitFor({ state: 'visible' });
  assert.match(await b.getByTestId('import-error').textContent(), /columns \(x, y\) are not the link's/);
  await upload(b, 'big.csv', big);
  await b.waitForFunction(() => location.hash.includes('csvin=3'));
  assert.equal(new URL(b.url()).hash, new URL(link).hash);
  assert.equal(await b.getByRole('checkbox', { name: 'b', exact: true }).isChecked(), false);
  await a.close();
  await b.close();
});

test('a worker crash while training on imported data restarts on the same data', async () => {
  const { page } = await open('seed=4');
  await trainOnSample(page, 'houses.csv', 'csvin=4');
  for (let i = 0; i < 3; i++) await stepOnce(page);
  const loss = Number(await page.getByTestId('train-loss').getAttribute('data-value'));
  const hash = new URL(page.url()).hash;
  const [worker] = page.workers();
  await worker.evaluate(() => setTimeout(() => { throw new Error('boom during csv'); }, 0));
  await page.getByTestId('worker-notice').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '4');
  assert.equal(new URL(page.url()).hash, hash);
  assert.equal(await page.getByLabel('Dataset').inputValue(), 'csv');
  const after = Number(await page.getByTestId('train-loss').getAttribute('data-value'));
  assert.ok(after < loss * 1.5 && after > 0, `training went on from the same weights and data (${loss} -> ${after})`);
  assert.equal(page.workers().length, 1);
  await page.close();
});

test('the cleaned data and the predictions download as CSV', async () => {
  const { page } = await open('seed=3');
  await trainOnSample(page, 'houses.csv', 'csvin=4');
  for (let i = 0; i < 3; i++) await stepOnce(page);
  const read = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return fs.readFileSync(await download.path(), 'utf8');
  };
  const data = await read('Download cleaned data');
  const lines = data.trim().split('\n');
  assert.equal(lines[0], 'row,split,area_m2,rooms,age_years,distance_km,price_keur');
  assert.equal(lines.length, 301);
  const preds = (await read('Download predictions')).trim().split('\n');
  assert.equal(preds[0], 'row,split,price_keur,prediction');
  assert.equal(preds.length, 301);
  const [, , target, prediction] = preds[1].split(',').map(Number);
  assert.ok(target > 50 && Number.isFinite(prediction), preds[1]);
  await page.close();
});

test('imported data with many features can be seen on its principal components', async () => {
  const { page, problems } = await open('seed=3');
  await trainOnSample(page, 'houses.csv', 'csvin=4');
  const points = page.locator('#points');
  // Four inputs: the picture starts on the principal components, and says so.
  await page.waitForFunction(() => document.getElementById('points').dataset.xAxis === 'principal component 1');
  assert.equal(await page.getByLabel('Picture').inputValue(), 'pca-class');
  assert.ok(await page.getByLabel('X axis').isHidden(), 'no axis pickers on the principal components');
  assert.match(await page.locator('#csv-in-use').textContent(), /first two principal components/);
  await page.getByLabel('Picture').selectOption('plane');
  await page.waitForFunction(() => document.getElementById('points').dataset.xAxis === 'area_m2');
  await page.getByLabel('Other features from row').fill('7');
  await page.getByLabel('Other features from row').press('Enter');
  await page.waitForFunction(() => location.hash.includes('&csvrow=7'));
  const epochNow = await epoch(page);
  assert.equal(epochNow, 0, 'moving the plane does not reset or train');
  await page.getByLabel('Picture').selectOption('pca-prediction');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => document.getElementById('points').dataset.xAxis === 'principal component 1');
  assert.equal(await points.getAttribute('data-points'), '300');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByLabel('Picture').selectOption('plane');
  await page.waitForFunction(() => document.getElementById('points').dataset.xAxis === 'area_m2');
  assert.deepEqual(problems, []);
  await page.close();
});

test('reading a larger file shows how far it got', async () => {
  const { page } = await open('seed=1');
  const rows = ['a,b,c,d,e,label'];
  for (let i = 0; i < 60_000; i++) rows.push(`${i % 97},${(i * 3) % 89},${i % 13},${(i * 7) % 31},${i % 5},${i % 2 ? 'x' : 'y'}`);
  await page.evaluate(() => {
    window.__progress = [];
    const bar = document.getElementById('import-progress');
    new MutationObserver(() => window.__progress.push(bar.getAttribute('value'))).observe(bar, { attributes: true });
  });
  await upload(page, 'medium.csv', rows.join('\n'));
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  const seen = await page.evaluate(() => window.__progress.filter((v) => v !== null).map(Number));
  assert.ok(seen.length >= 1 && seen.every((v) => v >= 0 && v <= 1), `progress values ${seen}`);
  assert.match(await page.locator('#import-summary').textContent(), /60,000 rows × 6 columns/);
  await page.close();
});

test('a file with a metadata first line imports after one click, and "Skip first lines" can change it', async () => {
  const { page, problems } = await open('seed=1');
  const rows = ['150,4,setosa,versicolor,virginica', 'sepal_length,petal_length,species'];
  const species = ['setosa', 'versicolor', 'virginica'];
  for (let i = 0; i < 30; i++) rows.push(`${(4.5 + (i % 3) + i / 100).toFixed(2)},${(1 + 2 * (i % 3) + i / 200).toFixed(2)},${species[i % 3]}`);
  await upload(page, 'iris-like.csv', rows.join('\n') + '\n');
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  assert.match(await page.locator('#import-summary').textContent(), /30 rows × 3 columns .* 1 leading line\(s\) skipped/);
  assert.equal(await page.getByLabel('Target column').locator('option:checked').textContent(), 'species');
  assert.ok(await page.getByRole('checkbox', { name: 'sepal_length', exact: true }).isChecked());
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('csvin=2'));
  // Choosing 0 reads the metadata line as the header: then it is a table of other columns.
  await page.getByLabel('Skip first lines').fill('0');
  await page.getByLabel('Skip first lines').dispatchEvent('change');
  await page.getByTestId('import-error').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('import-error').textContent(), /row 2 has 3 fields, expected 5/);
  assert.match(page.url(), /csvin=2/, 'the data in training is untouched');
  assert.deepEqual(problems, []);
  await page.close();
});
