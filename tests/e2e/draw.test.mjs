// Browser tests of "Draw your own data" (issue 14, point 5): points drawn on the
// picture by click, drag and erase train like any dataset and travel in the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, exactLoss, stepOnce } from './helpers.mjs';

const ctx = suite();
const { open } = ctx;
const suiteBrowser = () => ctx.browser;
const suiteUrl = () => ctx.server.url;

const shown = (page) => page.locator('#points').getAttribute('data-points').then(Number);
/** The picture's pixel at (x, y) on the −6…6 frame, in page coordinates. */
async function at(page, x, y) {
  const box = await page.getByTestId('boundary').boundingBox();
  return [box.x + ((x + 6) / 12) * box.width, box.y + ((6 - y) / 12) * box.height];
}
/** The drawn points, read from the picture's overlay as pixels. */
const overlay = (page) => page.evaluate(() => document.querySelector('#points').toDataURL());

test('drawn points of two classes train, travel in the link and replay the same losses', async () => {
  const { page: a, problems } = await open('seed=11&lr=0.1');
  await a.getByRole('button', { name: 'Draw', exact: true }).click();
  assert.equal(await a.getByRole('button', { name: 'Draw', exact: true }).getAttribute('aria-pressed'), 'true');
  const classes = a.getByRole('radiogroup', { name: 'Draw class' });
  assert.equal(await classes.getByRole('radio').count(), 2);
  assert.equal(await shown(a), 0, 'a fresh drawing starts empty');
  // Clicks: a few points of each class.
  await classes.getByRole('radio', { name: 'Class 1' }).check();
  for (const [x, y] of [[-4, -4], [-3, -4.5], [-4.5, -3]]) await a.mouse.click(...(await at(a, x, y)));
  await classes.getByRole('radio', { name: 'Class 2' }).check();
  for (const [x, y] of [[4, 4], [3, 4.5], [4.5, 3]]) await a.mouse.click(...(await at(a, x, y)));
  await a.waitForFunction(() => document.querySelector('#points').dataset.points === '6');
  // A drag sprays several points of the chosen class along its path.
  await a.mouse.move(...(await at(a, 2, 2)));
  await a.mouse.down();
  for (let k = 0; k <= 10; k++) await a.mouse.move(...(await at(a, 2 + k * 0.3, 2 - k * 0.1)));
  await a.mouse.up();
  await classes.getByRole('radio', { name: 'Class 1' }).check();
  await a.mouse.move(...(await at(a, -2, -2)));
  await a.mouse.down();
  for (let k = 0; k <= 10; k++) await a.mouse.move(...(await at(a, -2 - k * 0.3, -2 + k * 0.1)));
  await a.mouse.up();
  const sprayed = await shown(a);
  assert.ok(sprayed >= 6 + 2 * 20, `${sprayed} points after two drags`);
  assert.match(await a.getByRole('status').filter({ hasText: 'points' }).textContent(), new RegExp(`^${sprayed} of at most 2000 points`));
  // Erase near one clicked point.
  await a.getByRole('button', { name: 'Erase' }).click();
  await a.mouse.click(...(await at(a, 4.5, 3)));
  await a.waitForFunction((n) => Number(document.querySelector('#points').dataset.points) < n, sprayed);
  const n = await shown(a);
  const link = a.url();
  assert.match(link, /data=drawn&/);
  assert.match(link, /&draw=[A-Za-z0-9_-]+/);
  // Training on the drawing: the loss falls.
  const first = await exactLoss(a, 'train-loss');
  await a.getByRole('button', { name: 'Play' }).click();
  await a.waitForFunction((l) => Number(document.querySelector('[data-testid=train-loss]').dataset.value) < l * 0.5, first, { timeout: 30_000 });
  await a.getByRole('button', { name: 'Pause' }).click();
  await a.getByRole('button', { name: 'Reset' }).click();
  await a.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '0');
  for (let i = 0; i < 5; i++) await stepOnce(a);
  const lossA = [await exactLoss(a, 'train-loss'), await exactLoss(a, 'test-loss')];
  const pixelsA = await overlay(a);

  // The same link in a fresh page: the same points and, step for step, the same losses.
  const { page: b, problems: problemsB } = await open(new URL(link).hash.slice(1));
  assert.equal(await b.getByLabel('Dataset').inputValue(), 'drawn');
  // Draw mode shows the test points as well, as on the first page.
  await b.getByRole('button', { name: 'Draw', exact: true }).click();
  assert.equal(await shown(b), n);
  assert.equal(await overlay(b), pixelsA, 'the points lie where they were drawn');
  for (let i = 0; i < 5; i++) await stepOnce(b);
  assert.deepEqual([await exactLoss(b, 'train-loss'), await exactLoss(b, 'test-loss')], lossA);
  // Clear removes every point; choosing a dataset leaves the drawing.
  await b.getByRole('button', { name: 'Clear points' }).click();
  await b.waitForFunction(() => document.querySelector('#points').dataset.points === '0');
  await b.getByLabel('Dataset').selectOption('xor');
  await b.waitForFunction(() => location.hash.includes('data=xor') && !location.hash.includes('draw='));
  assert.deepEqual(problems, []);
  assert.deepEqual(problemsB, []);
  await a.close();
  await b.close();
});

test('a regression drawing draws values; a hidden Draw control is gone', async () => {
  const { page, problems } = await open('data=plane&seed=2');
  await page.getByRole('button', { name: 'Draw', exact: true }).click();
  assert.ok(await page.getByRole('radiogroup', { name: 'Draw class' }).isHidden());
  await page.getByLabel('Value to draw').fill('-0.5');
  await page.mouse.click(...(await at(page, 1, 1)));
  await page.waitForFunction(() => document.querySelector('#points').dataset.points === '1');
  assert.match(page.url(), /problem=regression/);
  const { page: hidden } = await open('draw_hide=1');
  assert.ok(await hidden.getByRole('button', { name: 'Draw', exact: true }).isHidden());
  assert.deepEqual(problems, []);
  await page.close();
  await hidden.close();
});

test('a hostile draw= value shows a notice naming it and the default dataset', async () => {
  const { page, problems } = await open('data=drawn&draw=AAAAAAAA&seed=4');
  const notice = page.getByTestId('url-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /draw=.*drawn points are not valid.*default dataset/s);
  assert.equal(await page.getByLabel('Dataset').inputValue(), 'circle');
  assert.ok((await shown(page)) > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a tap on a touch screen draws a point', async () => {
  const ctx = await suiteBrowser().newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto(`${suiteUrl()}#seed=3&test=1`);
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
  await page.getByRole('button', { name: 'Draw', exact: true }).tap();
  await page.getByTestId('boundary').scrollIntoViewIfNeeded();
  await page.touchscreen.tap(...(await at(page, 1, 1)));
  await page.waitForFunction(() => document.querySelector('#points').dataset.points === '1');
  await ctx.close();
});
