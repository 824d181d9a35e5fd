// Export → Boundary PNG, Charts, Network SVG and History CSV give files of the
// right type and content (PNG signature and twice the picture's pixels a side,
// SVG that parses as XML, a zip of each chart as PNG and SVG, a CSV with its
// header and a row per recorded epoch); the menu works from the keyboard; Open
// link opens a TensorFlow Playground link with every key it knows as the same
// setup with a notice, and refuses what is not a link without changing anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { suite, stepOnce } from './helpers.mjs';

const ctx = suite();
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Clicks Export → `item` and returns the download's name and bytes. */
async function exportFile(page, item) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menuitem = page.getByRole('menuitem', { name: item });
  await menuitem.waitFor({ state: 'visible' });
  const [download] = await Promise.all([page.waitForEvent('download'), menuitem.click()]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

const isPng = (b) => PNG.every((v, k) => b[k] === v) && b.subarray(12, 16).toString() === 'IHDR';
const pngSize = (b) => [b.readUInt32BE(16), b.readUInt32BE(20)];

/** SVG text parsed by the browser as XML: the root's name and the number of `tag` elements. */
const parseSvg = (page, text, tag) =>
  page.evaluate(([t, tag]) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      count: doc.getElementsByTagName(tag).length,
    };
  }, [text, tag]);

/** A file decoded as an image by the browser (on a blank page, outside the app's
 * Content-Security-Policy): its [width, height]. */
async function decodeImage(bytes, type) {
  const blank = await ctx.browser.newPage();
  try {
    return await blank.evaluate(async ([b64, type]) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([data], { type }));
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, [bytes.toString('base64'), type]);
  } finally {
    await blank.close();
  }
}

/** The stored entries of a zip (what Export → Charts writes), by their local headers. */
function unzip(b) {
  const files = {};
  let at = 0;
  while (b.readUInt32LE(at) === 0x04034b50) {
    const size = b.readUInt32LE(at + 18);
    const nameLen = b.readUInt16LE(at + 26);
    const extra = b.readUInt16LE(at + 28);
    const name = b.subarray(at + 30, at + 30 + nameLen).toString();
    const start = at + 30 + nameLen + extra;
    files[name] = b.subarray(start, start + size);
    at = start + size;
  }
  return files;
}

test('Boundary PNG is a PNG of twice the picture\'s pixels a side', async () => {
  const { page, problems } = await ctx.open('data=circle&net=4,2&seed=1&test=1');
  await stepOnce(page);
  const { name, bytes } = await exportFile(page, 'Boundary PNG');
  assert.equal(name, 'nnplay-boundary.png');
  assert.ok(isPng(bytes), 'PNG signature and header');
  const side = await page.evaluate(() => document.getElementById('boundary').width);
  assert.ok(side >= 100);
  assert.deepEqual(pngSize(bytes), [2 * side, 2 * side]);
  // The browser decodes it to the same size.
  const decoded = await decodeImage(bytes, 'image/png');
  assert.deepEqual(decoded, [2 * side, 2 * side]);
  assert.deepEqual(problems, []);
});

test('Charts gives each chart as PNG and SVG in one zip', async () => {
  const { page, problems } = await ctx.open('data=spiral&net=6,4&seed=2');
  await stepOnce(page);
  await stepOnce(page);
  const { name, bytes } = await exportFile(page, 'Charts');
  assert.equal(name, 'nnplay-charts.zip');
  const files = unzip(bytes);
  const stems = ['loss', 'metric', 'gradients', 'schedule'];
  assert.deepEqual(Object.keys(files).sort(), stems.flatMap((s) => [`nnplay-${s}.png`, `nnplay-${s}.svg`]).sort());
  for (const s of stems) {
    const png = files[`nnplay-${s}.png`];
    assert.ok(isPng(png), `${s}.png`);
    const [w, h] = pngSize(png);
    assert.ok(w >= 120 && h >= 60, `${s}.png is ${w} × ${h}`);
    const svg = await parseSvg(page, files[`nnplay-${s}.svg`].toString(), 'polyline');
    assert.equal(svg.error, null, `${s}.svg parses`);
    assert.equal(svg.root, 'svg');
    assert.ok(svg.count >= 1, `${s}.svg draws a line`);
  }
  assert.deepEqual(problems, []);
});

test('Network SVG is a standalone SVG with a curve per weight', async () => {
  const { page, problems } = await ctx.open('data=circle&net=4,2&in=x1,x2&seed=1');
  await stepOnce(page);
  const { name, bytes } = await exportFile(page, 'Network SVG');
  assert.equal(name, 'nnplay-network.svg');
  const text = bytes.toString();
  assert.match(text, /^<\?xml[^>]*>\s*<svg /);
  const svg = await parseSvg(page, text, 'path');
  assert.equal(svg.error, null);
  assert.equal(svg.root, 'svg');
  assert.equal(svg.count, 2 * 4 + 4 * 2 + 2 * 1);
  // It renders alone: the browser loads it as an image of its stated size.
  const size = await decodeImage(bytes, 'image/svg+xml');
  assert.ok(size[0] > 300 && size[1] > 300, `${size}`);
  assert.deepEqual(problems, []);
});

test('History CSV: named columns and a row per recorded epoch, the page\'s loss exactly; the menu works from the keyboard', async () => {
  const { page, problems } = await ctx.open('data=circle&net=4,2&seed=1');
  for (let k = 0; k < 3; k++) await stepOnce(page);
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menu').waitFor({ state: 'visible' });
  // NumPy has the focus; History CSV is the last item: ArrowUp wraps to it, then down and up again.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'History CSV');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'nnplay-history.csv');
  const lines = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(
    lines[0],
    'epoch,train_loss,test_loss,train_accuracy,test_accuracy,grad_rms_layer_1,grad_rms_layer_2,grad_rms_output',
  );
  const rows = lines.slice(1).map((l) => l.split(',').map(Number));
  assert.ok(rows.every((r) => r.length === 8 && r.every(Number.isFinite)));
  assert.equal(rows.at(-1)[0], 3, 'the last row is epoch 3');
  assert.ok(rows.length >= 3 && rows.length <= 4, `${rows.length} rows`);
  const loss = Number(await page.getByTestId('train-loss').getAttribute('data-value'));
  assert.equal(Math.fround(rows.at(-1)[1]), Math.fround(loss));
  // Focus went back to the Export button when the menu closed.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'export-button');
  // Export → ArrowDown → Enter: the second item (PyTorch) is what Enter acts on.
  await page.keyboard.press('Enter');
  await page.getByRole('menu').waitFor({ state: 'visible' });
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'export-pytorch');
  await page.keyboard.press('Escape');
  assert.ok(await page.getByRole('menu').isHidden());
  assert.deepEqual(problems, []);
});

const EVERY_KEY =
  'https://playground.tensorflow.org/#activation=relu&batchSize=20&dataset=spiral&regDataset=reg-gauss' +
  '&learningRate=0.3&regularizationRate=0.001&noise=15&networkShape=6,3,2&seed=0.80948&showTestData=true' +
  '&discretize=true&percTrainData=70&x=true&y=false&xTimesY=true&xSquared=true&ySquared=true&cosX=true' +
  '&sinX=true&cosY=false&sinY=true&collectStats=true&problem=classification&initZero=false&hideText=true' +
  '&regularization=L2&tutorial=dataset&showTestData_hide=false&discretize_hide=false&playButton_hide=false' +
  '&stepButton_hide=false&resetButton_hide=false&learningRate_hide=false&activation_hide=false' +
  '&regularization_hide=false&regularizationRate_hide=false&problem_hide=false&dataset_hide=false' +
  '&percTrainData_hide=false&noise_hide=true&batchSize_hide=false&numHiddenLayers_hide=false';

test('Open link: a TensorFlow Playground link with every key opens as the same setup, with a notice', async () => {
  const { page, problems } = await ctx.open('data=circle&seed=1');
  await page.getByRole('button', { name: 'Open link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a link' });
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('textbox').fill(EVERY_KEY);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /act=relu/.test(location.hash));
  assert.ok(await dialog.isHidden());
  await page.waitForSelector('[data-testid="neuron-3-2"]');
  const value = (id) => page.locator(`#${id}`).inputValue();
  assert.equal(await value('dataset'), 'spiral');
  assert.equal(await value('activation'), 'relu');
  assert.equal(await value('regularization'), 'l2');
  assert.equal(Number(await value('learning-rate')), 0.3);
  assert.equal(Number(await value('regularization-rate')), 0.001);
  assert.equal(await value('batch-size'), '20');
  assert.equal(await value('train-ratio'), '70');
  assert.ok(await page.locator('#noise').isHidden(), 'noise_hide=true hides the noise control');
  assert.equal(await page.locator('[data-testid^="neuron-3-"]').count(), 2, 'layers 6, 3, 2');
  assert.equal(await page.locator('#shuffle').isChecked(), false);
  const hash = await page.evaluate(() => location.hash);
  for (const part of ['in=x1,x1sq,x2sq,x1x2,sinx1,sinx2', 'test=1', 'disc=1', 'noise=15', 'text_hide=1']) {
    assert.ok(hash.includes(part), `${part} in ${hash}`);
  }
  const notice = page.getByTestId('export-notice');
  await notice.waitFor({ state: 'visible' });
  const text = await notice.textContent();
  assert.match(text, /TensorFlow Playground/);
  assert.match(text, /Carried over: .*activation=relu → act=relu/);
  assert.match(text, /seed “0\.80948”/);
  assert.match(text, /cosX=true: nnplay has no such setting/);
  assert.match(text, /collectStats=true/);
  assert.match(text, /tutorial=dataset/);
  assert.match(text, /points differ/);
  assert.deepEqual(problems, []);
});

test('Open link: what is not a link is refused in the dialog and nothing changes; Escape gives the focus back', async () => {
  const { page, problems } = await ctx.open('data=xor&seed=4');
  const before = await page.evaluate(() => location.hash);
  const button = page.getByRole('button', { name: 'Open link' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Open a link' });
  await dialog.waitFor({ state: 'visible' });
  for (const bad of ['hello', 'https://playground.tensorflow.org/', '']) {
    await dialog.getByRole('textbox').fill(bad);
    await dialog.getByRole('button', { name: 'Open' }).click();
    const error = dialog.getByRole('alert');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), bad ? /not a link to a setup/ : /Paste a link/);
    assert.ok(await dialog.isVisible());
    assert.equal(await page.evaluate(() => location.hash), before);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'open-link');
  // An nnplay link (just its hash) opens as if pasted in the address bar.
  await button.click();
  await dialog.getByRole('textbox').fill('#data=gauss&net=3&seed=7');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await page.waitForFunction(() => /data=gauss/.test(location.hash));
  await page.waitForFunction(() => document.getElementById('dataset').value === 'gauss');
  assert.deepEqual(problems, []);
});
