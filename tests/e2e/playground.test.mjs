// Browser tests of the built playground (dist/) in Debian's headless Chromium.
// Run through scripts/test.sh, which builds dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, epoch, exactLoss, stepOnce } from './helpers.mjs';

const { open } = suite();

test('the page loads with the default setup and no console errors', async () => {
  const { page, problems } = await open();
  assert.equal(await page.getByLabel('Dataset').inputValue(), 'circle');
  assert.equal(await page.getByLabel('Learning rate', { exact: true }).inputValue(), '0.03');
  assert.equal(await page.getByLabel('Activation').inputValue(), 'tanh');
  assert.equal(await page.getByLabel('Regularization', { exact: true }).inputValue(), 'none');
  assert.equal(await page.getByLabel('Problem type').inputValue(), 'classification');
  assert.equal(await page.getByLabel('Batch size').inputValue(), '10');
  assert.equal(await page.getByLabel('Noise').inputValue(), '0');
  assert.equal(await page.getByLabel('Training ratio').inputValue(), '50');
  for (const [l, n] of [[1, 1], [1, 4], [2, 2]]) {
    assert.ok(await page.getByTestId(`neuron-${l}-${n}`).isVisible(), `neuron-${l}-${n}`);
  }
  assert.equal(await page.getByTestId('neuron-1-5').count(), 0);
  assert.equal(await epoch(page), 0);
  assert.ok(await page.getByTestId('boundary').isVisible());
  assert.ok(await page.getByTestId('loss-chart').isVisible());
  // the seed chosen for a link without one is written back into the hash
  assert.match(new URL(page.url()).hash, /seed=\d+/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Play trains the default setup to a low test loss, and the button becomes Pause', async () => {
  const { page, problems } = await open('seed=3');
  await page.getByRole('button', { name: 'Play' }).click();
  assert.ok(await page.getByRole('button', { name: 'Pause' }).isVisible());
  await page.waitForFunction(() => {
    const v = Number(document.querySelector('[data-testid=test-loss]').dataset.value);
    return v < 0.05;
  }, null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.ok(await page.getByRole('button', { name: 'Play' }).isVisible());
  await page.waitForTimeout(300); // the last snapshot, taken when the pause arrived
  const e1 = await epoch(page);
  await page.waitForTimeout(500);
  assert.equal(await epoch(page), e1, 'paused training does not advance');
  assert.ok(e1 > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Step advances exactly one epoch', async () => {
  const { page } = await open('seed=5');
  assert.equal(await stepOnce(page), 1);
  assert.equal(await stepOnce(page), 2);
  await page.waitForTimeout(300);
  assert.equal(await epoch(page), 2);
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '0');
  await page.close();
});

test('a shared link restores the controls and replays the same losses bit for bit', async () => {
  const { page: a } = await open('seed=77');
  await a.getByLabel('Dataset').selectOption('xor');
  await a.getByLabel('Learning rate', { exact: true }).selectOption('0.1');
  await a.getByLabel('Activation').selectOption('relu');
  await a.getByRole('button', { name: 'Add layer' }).click();
  await a.getByRole('button', { name: 'Add neuron to layer 3' }).click();
  const link = a.url();
  assert.match(link, /data=xor/);
  assert.match(link, /lr=0\.1&/);
  assert.match(link, /net=4,2,3&/);
  for (let i = 0; i < 5; i++) await stepOnce(a);
  const lossA = [await exactLoss(a, 'train-loss'), await exactLoss(a, 'test-loss')];

  const { page: b, problems } = await open(new URL(link).hash.slice(1));
  assert.equal(await b.getByLabel('Dataset').inputValue(), 'xor');
  assert.equal(await b.getByLabel('Learning rate', { exact: true }).inputValue(), '0.1');
  assert.equal(await b.getByLabel('Activation').inputValue(), 'relu');
  assert.ok(await b.getByTestId('neuron-3-3').isVisible());
  for (let i = 0; i < 5; i++) await stepOnce(b);
  const lossB = [await exactLoss(b, 'train-loss'), await exactLoss(b, 'test-loss')];
  assert.deepEqual(lossB, lossA);
  assert.deepEqual(problems, []);
  await a.close();
  await b.close();
});

test('changing a control rewrites the hash without adding history entries', async () => {
  const { page } = await open('seed=9');
  const before = await page.evaluate(() => history.length);
  await page.getByLabel('Noise').fill('20');
  await page.getByLabel('Regularization', { exact: true }).selectOption('l2');
  await page.getByLabel('Regularization rate').selectOption('0.01');
  await page.getByLabel('Batch size').fill('30');
  const hash = new URL(page.url()).hash;
  assert.match(hash, /noise=20/);
  assert.match(hash, /reg=l2&rr=0\.01/);
  assert.match(hash, /batch=30/);
  assert.equal(await page.evaluate(() => history.length), before);
  await page.close();
});

test('learning rate, batch size and regularisation continue the run; shape changes reset it', async () => {
  const { page } = await open('seed=11');
  await stepOnce(page);
  await stepOnce(page);
  await page.getByLabel('Learning rate', { exact: true }).selectOption('0.3');
  await page.getByLabel('Batch size').fill('5');
  assert.equal(await stepOnce(page), 3);
  await page.getByRole('button', { name: 'Remove layer' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '0');
  assert.equal(await page.getByTestId('neuron-2-1').count(), 0);
  await page.close();
});

test('while training, the main thread keeps painting', async () => {
  const { page } = await open('seed=13&net=8,8,8,8,8,8&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&data=spiral');
  await page.evaluate(() => {
    window.__frames = 0;
    const tick = () => { window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.getByRole('button', { name: 'Play' }).click();
  const f0 = await page.evaluate(() => window.__frames);
  const e0 = await epoch(page);
  await page.waitForTimeout(2000);
  const f1 = await page.evaluate(() => window.__frames);
  const e1 = await epoch(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.ok(f1 - f0 > 40, `only ${f1 - f0} frames painted in 2 s while training`);
  assert.ok(e1 > e0, 'training advanced');
  await page.close();
});

test('a link with bad values opens with defaults and a notice naming the keys', async () => {
  const { page, problems } = await open('lr=fast&data=moon&net=4,x&bogus=%3Cscript%3Ealert(1)%3C/script%3E&seed=1');
  const notice = page.getByTestId('url-notice');
  assert.ok(await notice.isVisible());
  const text = await notice.textContent();
  for (const key of ['lr=fast', 'data=moon', 'net=4,x', 'bogus']) assert.ok(text.includes(key), `${key} in: ${text}`);
  assert.ok(text.includes('<script>'), 'markup is shown as text');
  assert.equal(await page.locator('#url-notice script').count(), 0);
  assert.equal(await page.getByLabel('Learning rate', { exact: true }).inputValue(), '0.03');
  assert.equal(await page.getByLabel('Dataset').inputValue(), 'circle');
  assert.ok(await page.getByTestId('neuron-1-4').isVisible());
  assert.deepEqual(problems, []);
  await page.close();
});

test('a diverging run stops, explains itself, never shows NaN, and Reset recovers', async () => {
  const { page } = await open('data=plane&lr=1000&net=8,8,8&seed=2');
  await page.getByRole('button', { name: 'Play' }).click();
  const notice = page.getByTestId('loss-notice');
  await notice.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(await notice.textContent(), /lower learning rate/);
  assert.ok(await page.getByRole('button', { name: 'Play' }).isVisible(), 'training stopped');
  for (const id of ['train-loss', 'test-loss']) {
    assert.doesNotMatch(await page.getByTestId(id).textContent(), /NaN|Infinity/);
  }
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '0');
  assert.ok(await notice.isHidden());
  assert.ok(Number.isFinite(await exactLoss(page, 'train-loss')));
  await page.close();
});

test('teacher links hide controls and the explanation', async () => {
  const { page } = await open('seed=1&lr_hide=1&text_hide=1&noise_hide=1');
  assert.ok(await page.getByLabel('Learning rate', { exact: true }).isHidden());
  assert.ok(await page.getByLabel('Noise').isHidden());
  assert.ok(await page.locator('#explain').isHidden());
  assert.ok(await page.getByLabel('Activation').isVisible());
  // the dialog builds such links
  await page.getByRole('button', { name: 'Hide controls…' }).click();
  await page.locator('#hide-options').getByLabel('Batch size').check();
  const link = await page.getByLabel('Link with hidden controls').inputValue();
  assert.match(link, /batch_hide=1/);
  assert.match(link, /lr_hide=1/);
  await page.close();
});

test('hovering a weight shows its value; clicking lets the user set it', async () => {
  const { page } = await open('seed=21');
  await stepOnce(page);
  const link = page.locator('#links path.hit').first();
  await link.hover({ force: true });
  const tip = page.locator('#tooltip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /^Weight -?\d/);
  await link.click({ force: true });
  await page.getByLabel('Weight', { exact: true }).fill('2.5');
  await page.getByLabel('Weight', { exact: true }).press('Enter');
  assert.ok(await page.locator('#edit-param').isHidden());
  await page.getByTestId('epoch').hover();
  await link.hover({ force: true });
  await page.waitForFunction(() => document.querySelector('#tooltip').textContent.startsWith('Weight 2.500'));
  await page.close();
});

test('feature toggles change the inputs and render superscripts as markup', async () => {
  const { page } = await open('seed=4');
  const sq = page.getByRole('checkbox', { name: 'X1²' });
  assert.equal(await sq.isChecked(), false);
  assert.equal(await page.locator('.feature-label sup').count(), 2);
  await page.locator('[data-feature=x1sq] canvas').click();
  await page.waitForFunction(() => location.hash.includes('in=x1,x2,x1sq'));
  await page.close();
});

test('the page replays the pinned runs of tests/wasm.rs bit for bit', async () => {
  // The default shuffles every epoch; shuffle=0 is the Playground's fixed order.
  for (const [hash, train, test] of [
    ['seed=42', '0.03628852', '0.041055497'],
    ['seed=42&shuffle=0', '0.03759294', '0.038681637'],
  ]) {
    const { page } = await open(hash);
    for (let i = 0; i < 50; i++) await stepOnce(page);
    assert.equal(await page.getByTestId('train-loss').getAttribute('data-value'), train, hash);
    assert.equal(await page.getByTestId('test-loss').getAttribute('data-value'), test, hash);
    await page.close();
  }
});

test('choosing an optimizer and its settings keeps the weights and goes into the link', async () => {
  const { page, problems } = await open('seed=12');
  await stepOnce(page);
  await stepOnce(page);
  await page.getByLabel('Optimizer').selectOption('adam');
  await page.waitForFunction(() => location.hash.includes('&opt=adam&b1=0.9&b2=0.999&eps=0.0000001'));
  await page.getByLabel('Beta1').fill('0.8');
  await page.getByLabel('Beta1').press('Enter');
  await page.waitForFunction(() => location.hash.includes('&b1=0.8&'));
  assert.equal(await stepOnce(page), 3, 'the run went on');
  await page.getByLabel('Optimizer').selectOption('momentum');
  await page.waitForFunction(() => location.hash.includes('&opt=momentum&mom=0.9'));
  assert.ok(await page.getByLabel('Momentum').isVisible());
  assert.equal(await page.getByLabel('Beta1').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});
