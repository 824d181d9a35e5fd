// Browser tests of the training concepts (issue 3): multi-class data through
// softmax, live metrics and the confusion matrix, the training options in the
// link, and runs that stop by themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, epoch, epochAbove, stepOnce } from './helpers.mjs';

const { open } = suite();

const percent = (page, id) => page.getByTestId(id).getAttribute('data-value').then(Number);

test('a 4-class dataset trains through softmax to a high accuracy; the confusion matrix follows', async () => {
  const { page, problems } = await open('seed=3&net=8,8&act=relu');
  await page.getByLabel('Dataset').selectOption('blobs');
  await page.getByLabel('Classes').selectOption('4');
  await page.waitForFunction(() => location.hash.includes('data=blobs') && location.hash.includes('classes=4'));
  assert.equal(await page.getByLabel('Loss').inputValue(), 'cce');
  assert.equal(await page.getByLabel('Output nonlinearity').inputValue(), 'softmax');
  // Four classes: four legend entries, four output neurons.
  assert.equal(await page.getByTestId('class-legend').locator('li').count(), 4);
  assert.ok(await page.getByTestId('neuron-output-4').isVisible());
  const before = await page.getByTestId('confusion-matrix').textContent();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=test-accuracy]').dataset.value) >= 0.95,
    null,
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.ok((await percent(page, 'train-accuracy')) >= 0.9);
  const after = await page.getByTestId('confusion-matrix').textContent();
  assert.notEqual(after, before, 'the confusion matrix updates');
  // Two 4 × 4 tables (training and test) whose counts add up to the points.
  const totals = await page.$$eval('[data-testid=confusion-matrix] table', (ts) =>
    ts.map((t) => [...t.querySelectorAll('td')].reduce((s, td) => s + Number(td.textContent), 0)));
  assert.deepEqual(totals, [250, 250]);
  assert.equal(await page.locator('[data-testid=confusion-matrix] table').first().locator('td').count(), 16);
  // The big picture shows four class colours.
  const hues = await page.evaluate(() => {
    const c = document.querySelector('[data-testid=boundary]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      const max = Math.max(r, g, b), min = Math.min(r, g, b);
      if (max - min < 40) continue; // greys: unsure pixels
      let h = max === r ? (g - b) / (max - min) : max === g ? 2 + (b - r) / (max - min) : 4 + (r - g) / (max - min);
      seen.add(Math.round(((h * 60 + 360) % 360) / 30));
    }
    return seen.size;
  });
  assert.ok(hues >= 4, `${hues} hue groups`);
  assert.ok(await page.getByTestId('metric-chart').isVisible());
  assert.deepEqual(problems, []);
  await page.close();
});

test('training options go into the link and come back from it', async () => {
  const { page, problems } = await open('seed=5');
  await page.getByLabel('Loss').selectOption('bce');
  await page.getByLabel('Initialization').selectOption('he_normal');
  await page.getByLabel('Learning rate schedule').selectOption('cosine');
  // One "Dropout" per hidden layer, in layer order.
  assert.equal(await page.getByLabel('Dropout', { exact: true }).count(), 2);
  await page.getByLabel('Dropout', { exact: true }).first().selectOption('0.2');
  await page.getByLabel('Layer 2 nonlinearity').selectOption('gelu');
  await page.getByLabel('Gradient clipping').selectOption('1');
  await page.getByLabel('Shuffle each epoch').uncheck();
  await page.getByLabel('Early stopping').selectOption('20');
  await page.getByLabel('Validation share').selectOption('20');
  await page.getByLabel('Regularization', { exact: true }).selectOption('elastic');
  const keys = ['loss=bce', 'init=he_normal', 'sched=cosine', 'speriod=200', 'drop=0.2,0', 'acts=tanh,gelu',
    'clip=1', 'shuffle=0', 'es=20', 'val=20', 'reg=elastic'];
  await page.waitForFunction((ks) => ks.every((k) => location.hash.includes(k)), keys);
  // BCE goes with a sigmoid output.
  assert.equal(await page.getByLabel('Output nonlinearity').inputValue(), 'sigmoid');
  const hash = new URL(page.url()).hash.slice(1);
  await stepOnce(page);
  await page.close();

  const { page: b } = await open(hash);
  assert.equal(await b.getByLabel('Loss').inputValue(), 'bce');
  assert.equal(await b.getByLabel('Initialization').inputValue(), 'he_normal');
  assert.equal(await b.getByLabel('Learning rate schedule').inputValue(), 'cosine');
  assert.equal(await b.getByLabel('Dropout', { exact: true }).first().inputValue(), '0.2');
  assert.equal(await b.getByLabel('Dropout', { exact: true }).nth(1).inputValue(), '0');
  assert.equal(await b.getByLabel('Layer 1 nonlinearity').inputValue(), 'tanh');
  assert.equal(await b.getByLabel('Layer 2 nonlinearity').inputValue(), 'gelu');
  assert.equal(await b.getByLabel('Gradient clipping').inputValue(), '1');
  assert.equal(await b.getByLabel('Shuffle each epoch').isChecked(), false);
  assert.equal(await b.getByLabel('Early stopping').inputValue(), '20');
  assert.equal(await b.getByLabel('Validation share').inputValue(), '20');
  assert.ok(await b.getByTestId('schedule-plot').isVisible());
  // The "all layers" choice sets every layer.
  await b.getByLabel('Activation', { exact: true }).selectOption('elu');
  await b.waitForFunction(() => location.hash.includes('act=elu') && !location.hash.includes('acts='));
  assert.equal(await b.getByLabel('Layer 2 nonlinearity').inputValue(), 'elu');
  assert.deepEqual(problems, []);
  await b.close();
});

test('runs stop by themselves at an epoch and by early stopping, and say why', async () => {
  const { page } = await open('seed=7&stop=25');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=run-notice]').hidden);
  assert.match(await page.getByTestId('run-notice').textContent(), /Stopped at epoch 25/);
  // The last snapshot may arrive just after the message.
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '25');
  await page.waitForTimeout(300);
  assert.equal(await epoch(page), 25, 'no epoch after the stop');
  assert.equal(await page.getByRole('button', { name: 'Play' }).count(), 1, 'the run is paused');
  await page.close();

  // A minimum improvement of 10 is never reached: early stopping fires after the
  // patience (3 epochs past the best, epoch 1) and restores the weights of epoch 1.
  const { page: b } = await open('seed=7&val=20&es=3&esd=10&esr=1');
  await b.getByRole('button', { name: 'Play' }).click();
  await b.waitForFunction(() => !document.querySelector('[data-testid=run-notice]').hidden);
  const text = await b.getByTestId('run-notice').textContent();
  assert.match(text, /Early stopping at epoch 4: the validation loss has not improved for 3 epochs/);
  assert.match(text, /weights of epoch 1 are back/);
  await b.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '1');
  await b.close();
});

test('regression shows MSE, MAE and R²; the learning-rate schedule moves the rate', async () => {
  const { page } = await open('data=plane&seed=2&sched=step&severy=5&sfactor=0.5&lr=0.01');
  assert.ok(await page.getByTestId('train-r2').isVisible());
  assert.ok(!(await page.getByTestId('train-accuracy').isVisible()));
  assert.equal(await page.locator('#lr-now').textContent(), '0.01');
  for (let i = 0; i < 5; i++) await stepOnce(page);
  assert.equal(await page.locator('#lr-now').textContent(), '0.005');
  await page.getByRole('button', { name: 'Play' }).click();
  await epochAbove(page, 60);
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.ok(Number(await page.getByTestId('test-r2').getAttribute('data-value')) > 0.9);
  await page.close();
});
