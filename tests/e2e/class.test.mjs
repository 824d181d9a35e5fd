// The pace of a class (issue 12): the Speed control, divergence and
// saturation explained, every hide key, the presets, the options' fold state in
// the link, and the projector layout. Frames and epochs are counted in the page
// (no timing of the machine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite } from './helpers.mjs';

const ctx = suite();
const open = (...a) => ctx.open(...a);

/** Frames drawn and epochs trained while `n` display frames pass, counted in the page. */
function framesAndEpochs(page, n = 90) {
  return page.evaluate((n) => new Promise((resolve) => {
    const epoch = () => Number(document.querySelector('[data-testid=epoch]').textContent);
    const e0 = epoch();
    let frames = 0;
    const tick = () => {
      frames += 1;
      if (frames < n) requestAnimationFrame(tick);
      else resolve({ frames, epochs: epoch() - e0 });
    };
    requestAnimationFrame(tick);
  }), n);
}

test('the Speed select goes from slow to full speed; the default trains one epoch per drawn frame', async () => {
  const { page } = await open('seed=1');
  const speed = page.getByLabel('Speed');
  const options = await speed.locator('option').allTextContents();
  assert.match(options[0], /^Slow/);
  assert.equal(options.at(-1), 'Full speed');
  assert.equal(await speed.inputValue(), 'frame', 'the Playground pace by default');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=epoch]').textContent) > 3);
  const paced = await framesAndEpochs(page);
  assert.ok(paced.epochs <= paced.frames + 1, `at most one epoch per frame: ${JSON.stringify(paced)}`);
  assert.ok(paced.epochs >= paced.frames / 4, `at least one epoch every few frames: ${JSON.stringify(paced)}`);
  await speed.selectOption('full');
  assert.match(page.url(), /speed=full/);
  await page.waitForTimeout(300);
  const full = await framesAndEpochs(page);
  assert.ok(full.epochs > 2 * full.frames, `full speed trains many epochs per frame: ${JSON.stringify(full)}`);
  await speed.selectOption('slow');
  await page.waitForTimeout(300);
  const slow = await framesAndEpochs(page, 60);
  assert.ok(slow.epochs <= Math.ceil(slow.frames / 10), `slow is a few epochs a second: ${JSON.stringify(slow)}`);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.close();
});

test('a tanh output saturated by a learning rate of 10 is stopped and explained', async () => {
  const { page } = await open('seed=1&lr=10&speed=full');
  await page.getByRole('button', { name: 'Play' }).click();
  const notice = page.getByTestId('loss-notice');
  await notice.waitFor({ state: 'visible', timeout: 30_000 });
  const text = await notice.textContent();
  assert.match(text, /the outputs are saturated/);
  assert.match(text, /learning rate 10 is too high for Tanh/);
  assert.ok(await page.getByRole('button', { name: 'Play' }).isVisible(), 'the run is paused');
  await page.close();
});

test('a run that diverges within an epoch says how its loss climbed', async () => {
  const { page } = await open('seed=1&data=plane&lr=3');
  await page.getByRole('button', { name: 'Play' }).click();
  const notice = page.getByTestId('loss-notice');
  await notice.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(await notice.textContent(), /the training loss went 0\.\d+ → .* → not a number/);
  await page.close();
});

// Every hide key, with what it must hide. `hash`: a setup where the control is shown.
const HIDE = [
  ['data', (p) => p.getByLabel('Dataset')],
  ['lessons', (p) => p.getByRole('button', { name: 'Lessons', exact: true })],
  ['problem', (p) => p.getByLabel('Problem type')],
  ['noise', (p) => p.getByLabel('Noise')],
  ['train', (p) => p.getByLabel('Training ratio')],
  ['batch', (p) => p.getByLabel('Batch size')],
  ['lr', (p) => p.getByLabel('Learning rate', { exact: true })],
  ['opt', (p) => p.getByLabel('Optimizer')],
  ['sched', (p) => p.getByLabel('Learning rate schedule')],
  ['loss', (p) => p.getByLabel('Loss', { exact: true })],
  ['init', (p) => p.getByLabel('Initialization')],
  ['act', (p) => p.getByLabel('Activation', { exact: true })],
  ['act', (p) => p.getByLabel('Layer 1 nonlinearity')],
  ['reg', (p) => p.getByLabel('Regularization', { exact: true })],
  ['rr', (p) => p.getByLabel('Regularization rate')],
  ['net', (p) => p.getByRole('button', { name: 'Add layer' })],
  ['net', (p) => p.getByRole('button', { name: 'Add neuron to layer 1' })],
  ['in', (p) => p.locator('#network .node[data-feature="x1sq"]')],
  ['test', (p) => p.getByLabel('Show test data')],
  ['disc', (p) => p.getByLabel('Discretize output')],
  ['regen', (p) => p.getByRole('button', { name: 'Regenerate' })],
  ['play', (p) => p.getByRole('button', { name: 'Play' })],
  ['step', (p) => p.getByRole('button', { name: 'Step' })],
  ['reset', (p) => p.getByRole('button', { name: 'Reset' })],
  ['text', (p) => p.locator('#explain')],
  ['speed', (p) => p.getByLabel('Speed')],
  ['out', (p) => p.getByLabel('Output nonlinearity')],
  ['clip', (p) => p.getByLabel('Gradient clipping')],
  ['shuffle', (p) => p.getByLabel('Shuffle each epoch')],
  ['es', (p) => p.getByLabel('Early stopping')],
  ['stop', (p) => p.getByLabel('Stop at epoch')],
  ['val', (p) => p.getByLabel('Validation share')],
  ['classes', (p) => p.getByLabel('Classes', { exact: true }), 'data=blobs&classes=4'],
  ['drop', (p) => p.getByLabel('Dropout').first()],
  ['csv', (p) => p.getByLabel('CSV file')],
  ['opts', (p) => p.locator('#training-options')],
  ['diagram', (p) => p.locator('#network')],
  ['metrics', (p) => p.locator('#class-metrics')],
  ['charts', (p) => p.getByTestId('metric-chart')],
  ['share', (p) => p.getByRole('button', { name: 'Copy link' })],
  ['search', (p) => p.getByRole('button', { name: 'Search', exact: true })],
  ['draw', (p) => p.getByRole('button', { name: 'Draw', exact: true })],
];

test('each hide key hides its control, and only with the key', async () => {
  const { page } = await open('seed=1');
  for (const [key, locate, base = 'seed=1'] of HIDE) {
    await page.evaluate((h) => { location.hash = h; }, base);
    await locate(page).waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {
      throw new Error(`${key}: the control is not shown without ${key}_hide`);
    });
    await page.evaluate((h) => { location.hash = h; }, `${base}&${key}_hide=1`);
    await locate(page).waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {
      throw new Error(`${key}_hide=1 does not hide its control`);
    });
  }
  await page.close();
});

test('a link that hides everything shows only Play, Step, Reset, the picture and the loss', async () => {
  const keys = [...new Set(HIDE.map(([k]) => k))].filter((k) => !['play', 'step', 'reset'].includes(k));
  // Not ctx.open: it waits for the diagram, which this link hides.
  const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${ctx.server.url}#seed=1&${keys.map((k) => `${k}_hide=1`).join('&')}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
  const controls = page.locator('button:visible, select:visible, input:visible, textarea:visible');
  const names = await controls.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.id));
  assert.deepEqual(names.sort(), ['Play', 'Reset', 'Step']);
  for (const id of ['boundary', 'test-loss', 'train-loss', 'loss-chart']) {
    assert.ok(await page.getByTestId(id).isVisible(), `${id} is shown`);
  }
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=epoch]').textContent) > 2);
  await page.close();
});

test('the hide dialog offers presets, grouped checkboxes, and the fold state of the options travels in the link', async () => {
  const { page } = await open('seed=2');
  await page.getByRole('button', { name: 'Hide controls…' }).click();
  const dialog = page.locator('#hide-dialog');
  await dialog.waitFor({ state: 'visible' }); // its module loads on this first click
  for (const group of ['Toolbar', 'Training options', 'Data', 'Network editing', 'Your data']) {
    assert.ok(await dialog.locator('legend', { hasText: group }).first().isVisible(), group);
  }
  await dialog.getByRole('button', { name: 'Beginner' }).click();
  const beginner = await page.locator('#hide-link').inputValue();
  assert.match(beginner, /opt_hide=1/);
  assert.match(beginner, /opts_hide=1/);
  assert.doesNotMatch(beginner, /play_hide|lr_hide|diagram_hide/);
  await dialog.getByRole('button', { name: 'Intermediate' }).click();
  const intermediate = await page.locator('#hide-link').inputValue();
  assert.doesNotMatch(intermediate, /opt_hide/);
  assert.match(intermediate, /loss_hide=1/);
  await dialog.getByRole('button', { name: 'Everything' }).click();
  assert.doesNotMatch(await page.locator('#hide-link').inputValue(), /_hide=/);
  await dialog.getByRole('button', { name: 'Beginner' }).click();
  const { page: student } = await open(new URL(await page.locator('#hide-link').inputValue()).hash.slice(1));
  assert.equal(await student.getByLabel('Optimizer').isVisible(), false);
  assert.ok(await student.getByRole('button', { name: 'Play' }).isVisible());
  assert.ok(await student.getByLabel('Learning rate', { exact: true }).isVisible());
  await student.close();
  await page.keyboard.press('Escape');
  await page.locator('#training-options > summary').click();
  await page.waitForFunction(() => location.hash.includes('opts=0'));
  const { page: again } = await open(new URL(page.url()).hash.slice(1));
  assert.equal(await again.locator('#training-options').getAttribute('open'), null, 'folded as in the link');
  await again.close();
  await page.close();
});

test('on a 1280 × 720 projector the picture, the loss and Play are above the fold', async () => {
  for (const [width, height] of [[1280, 720], [1366, 768]]) {
    const { page } = await open('seed=1&opts=0', { viewport: { width, height } });
    const picture = await page.getByTestId('boundary').boundingBox();
    assert.ok(picture.y + picture.height / 2 <= height, `${width}×${height}: picture ${JSON.stringify(picture)}`);
    for (const [name, box] of [
      ['Play', await page.getByRole('button', { name: 'Play' }).boundingBox()],
      ['test loss', await page.getByTestId('test-loss').boundingBox()],
    ]) {
      assert.ok(box.y >= 0 && box.y + box.height <= height, `${width}×${height}: ${name} ${JSON.stringify(box)}`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${width}×${height}: no sideways scrolling (${overflow} px)`);
    await page.close();
  }
});
