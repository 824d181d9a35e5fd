// Save model and Open model: a saved file opens on a fresh page as the same
// run (the same loss bits, epoch and boundary pixels), by the file picker or
// dropped on the page, with built-in and imported data (in the link, or
// embedded in the file); corrupted and mismatched files are refused with the
// reason and the run in the page stays as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, stepOnce } from './helpers.mjs';

const ctx = suite();
const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../www/samples');

/** What must come back bit for bit: the exact losses, the epoch, the boundary's pixels. */
async function state(page) {
  return page.evaluate(() => {
    const c = document.querySelector('[data-testid=boundary]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 16777619) >>> 0;
    return {
      train: document.querySelector('[data-testid=train-loss]').dataset.value,
      test: document.querySelector('[data-testid=test-loss]').dataset.value,
      epoch: document.querySelector('[data-testid=epoch]').textContent,
      pixels: `${c.width}x${c.height}:${h.toString(16)}`,
      hash: location.hash,
    };
  });
}

/** Clicks Save model and returns the downloaded file's name and text. */
async function save(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save model' }).click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

/** Open model with a file chosen in the picker. */
async function openModel(page, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open model' }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Drops a file on the page as a user drags it from the desktop. */
async function dropFile(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
}

/** Waits until the page shows `want`'s setup at its epoch, then reads its state. */
async function opened(page, want) {
  await page.waitForFunction((w) => location.hash === w.hash && document.querySelector('[data-testid=epoch]').textContent === w.epoch, want, { timeout: 30_000 });
  // The snapshot after Resume is drawn: the losses are the saved ones (or the test fails on them below).
  await page.waitForFunction((w) => document.querySelector('[data-testid=train-loss]').dataset.value === w.train, want, { timeout: 10_000 }).catch(() => {});
  return state(page);
}

async function trainOn(page, file, hashPart) {
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction((h) => location.hash.includes(h), hashPart);
}

test('a saved model opens on a fresh page as the same network and the same picture', async () => {
  const { page: a, problems } = await ctx.open('seed=3');
  for (let i = 0; i < 6; i++) await stepOnce(a);
  const before = await state(a);
  const { name, text } = await save(a);
  assert.equal(name, 'nnplay-model.json');
  const file = JSON.parse(text);
  assert.equal(file.format, 'nnplay-model');
  assert.equal(file.version, 1);
  assert.equal(`#${file.setup}`, before.hash);
  assert.deepEqual(file.sizes, [2, 4, 2, 1]);
  assert.deepEqual(file.layers.map((l) => [l.activation, l.weights.length, l.weights[0].length, l.biases.length]),
    [['tanh', 4, 2, 4], ['tanh', 2, 4, 2], ['tanh', 1, 2, 1]]);
  assert.equal(file.epoch, 6);
  assert.equal(Math.fround(file.loss.train), Math.fround(Number(before.train)));
  assert.equal(Math.fround(file.loss.test), Math.fround(Number(before.test)));
  assert.deepEqual(file.classes, ['−1', '+1']);
  assert.equal(file.data, null);

  const { page: b, problems: problemsB } = await ctx.open('data=xor&net=3&seed=9');
  assert.notEqual((await state(b)).pixels, before.pixels, 'another picture before opening');
  await openModel(b, name, text);
  assert.deepEqual(await opened(b, before), before);
  assert.ok(await b.getByTestId('export-notice').isHidden());
  // Training goes on from there, as on the saved page.
  assert.equal(await stepOnce(b), 7);
  assert.equal(await stepOnce(a), 7);
  assert.equal(await b.getByTestId('train-loss').getAttribute('data-value'), await a.getByTestId('train-loss').getAttribute('data-value'));
  assert.deepEqual(problems, []);
  assert.deepEqual(problemsB, []);
  await a.close();
  await b.close();
});

test('a model on an imported sample opens with its data (carried by the link)', async () => {
  const { page: a } = await ctx.open('seed=6');
  await trainOn(a, path.join(samples, 'moons.csv'), 'csvdata=');
  for (let i = 0; i < 4; i++) await stepOnce(a);
  const before = await state(a);
  const { name, text } = await save(a);
  const file = JSON.parse(text);
  assert.deepEqual(file.data.columns, ['x', 'y', 'class']);
  assert.equal(file.data.target, 'class');
  assert.deepEqual(file.data.features.map((f) => f.name), ['x', 'y']);
  assert.ok(file.data.features.every((f) => Number.isFinite(f.scale) && Number.isFinite(f.offset) && Number.isFinite(f.fill)));
  assert.deepEqual([...file.classes].sort(), ['lower', 'upper']);
  assert.equal(file.data.file, null, 'the link carries the file');

  const { page: b, problems } = await ctx.open('seed=1');
  await openModel(b, name, text);
  assert.deepEqual(await opened(b, before), before);
  assert.equal(await b.getByLabel('Dataset').inputValue(), 'csv');
  assert.deepEqual(problems, []);
  await a.close();
  await b.close();
});

test('a model on a larger imported file embeds it and opens when dropped on a fresh page', async () => {
  const rows = ['a,b,c,d,label'];
  for (let i = 0; i < 500; i++) rows.push(`${i % 7},${(i * 3) % 11},${i % 5},${(i * 7) % 13},${(i % 7) + (i % 5) > 5 ? 'hi' : 'lo'}`);
  const big = rows.join('\n') + '\n';
  const { page: a } = await ctx.open('seed=6');
  await trainOn(a, { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(big) }, 'csvin=4');
  assert.doesNotMatch(a.url(), /csvdata=/, '2,500 cells do not travel in links');
  for (let i = 0; i < 3; i++) await stepOnce(a);
  const before = await state(a);
  const { name, text } = await save(a);
  const file = JSON.parse(text);
  assert.equal(file.data.file.bytes, Buffer.byteLength(big));
  assert.ok(file.data.file.deflated_base64url.length > 100);

  // Dropped before the export module has loaded: it loads and opens the file.
  const { page: b, problems } = await ctx.open('seed=1');
  await dropFile(b, name, text);
  assert.deepEqual(await opened(b, before), before);
  assert.ok(await b.getByTestId('import-error').isHidden());
  assert.deepEqual(problems, []);
  await a.close();
  await b.close();
});

test('corrupted and mismatched model files are refused with the reason; the run stays', async () => {
  const { page, problems } = await ctx.open('seed=3');
  for (let i = 0; i < 3; i++) await stepOnce(page);
  const { text } = await save(page);
  const before = await state(page);
  const notice = page.getByTestId('export-notice');
  const refused = async (name, bad, reason) => {
    await openModel(page, name, bad);
    await page.waitForFunction((n) => document.querySelector('[data-testid=export-notice]')?.textContent.includes(n), name);
    const said = await notice.textContent();
    assert.match(said, reason, said);
    assert.deepEqual(await state(page), before, `${name} left the run as it was`);
  };
  const lines = text.split('\n');
  await refused('cut.json', text.slice(0, Math.floor(text.length / 2)), /could not be opened.*Line \d+, column \d+: EOF while parsing/s);
  await refused('v2.json', text.replace('"version": 1', '"version": 2'), /version 2; this page reads version 1/);
  const short = JSON.parse(text);
  short.layers[1].weights[1].pop();
  await refused('short.json', JSON.stringify(short), /Weight layer 2, row 2 has 3 weights; its setup has 4 inputs there/);
  const other = JSON.parse(text);
  other.setup = other.setup.replace('net=4,2', 'net=5,2');
  await refused('other.json', JSON.stringify(other), /layer sizes 2–4–2–1 do not match its setup's 2–5–2–1/);
  const huge = JSON.parse(text);
  huge.layers[0].biases[2] = 1e39;
  await refused('huge.json', JSON.stringify(huge), /Weight layer 1, bias 3 is not a finite number/);
  assert.ok(lines.length > 10);
  // And the run goes on.
  assert.equal(await stepOnce(page), 4);
  assert.deepEqual(problems, []);
  await page.close();
});
