// Data augmentation (issue 17): the current epoch's augmented points as faint
// dots over the boundary picture ("Show augmented points", drawn by the
// advanced module on its own overlay), and augmentation of an imported file
// in the advanced worker, replayed bit for bit from its link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, epoch, exactLoss, stepOnce } from './helpers.mjs';

const ctx = suite();
const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../www/samples');

/** The overlay's painted pixels: how many, the most opaque, a digest of where and what. */
const overlay = (page) =>
  page.evaluate(() => {
    const c = document.querySelector('[data-testid=aug-dots]');
    if (!c || !c.width) return { n: 0, max: 0, digest: 0, width: c ? c.width : -1 };
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0, max = 0, digest = 0;
    for (let i = 3; i < d.length; i += 4) {
      if (d[i]) {
        n++;
        max = Math.max(max, d[i]);
        digest = (digest * 31 + i * 7 + d[i - 3] * 3 + d[i - 1]) | 0;
      }
    }
    return { n, max, digest, width: c.width };
  });

/** Waits until the overlay shows the page's epoch. */
async function dotsAtEpoch(page) {
  const e = await epoch(page);
  await page.waitForFunction((e) => document.querySelector('[data-testid=aug-dots]')?.dataset.epoch === String(e), e);
  return e;
}

test('ticked with jitter on the circle, faint dots of the epoch lie over the picture and move from one epoch to the next', async () => {
  const { page, problems } = await ctx.open('seed=3&aug=jitter');
  await page.locator('#advanced > summary').click();
  const box = page.getByLabel('Show augmented points');
  await box.waitFor();
  assert.equal(await box.isChecked(), false);
  await stepOnce(page);
  // Not ticked: nothing is drawn.
  assert.equal((await overlay(page)).n, 0);
  await box.check();
  const e1 = await dotsAtEpoch(page);
  const first = await overlay(page);
  // The overlay has the picture's size (device pixels) and one faint dot per training point.
  const side = await page.$eval('#boundary', (c) => c.width);
  assert.equal(first.width, side);
  assert.equal(await page.getByTestId('aug-dots').getAttribute('data-dots'), String(await page.$eval('#points', (c) => Number(c.dataset.points))));
  assert.ok(first.n > 500, `painted pixels ${first.n}`);
  assert.ok(first.max <= 140, `faint: alpha ${first.max} of 255`);
  await stepOnce(page);
  const e2 = await dotsAtEpoch(page);
  const second = await overlay(page);
  assert.ok(e2 > e1 && second.n > 500);
  assert.notEqual(second.digest, first.digest, 'a new epoch, a new draw');
  // Unticked: gone.
  await box.uncheck();
  await page.waitForFunction(() => document.querySelector('[data-testid=aug-dots]').width === 0);
  assert.equal((await overlay(page)).n, 0);
  // Augmentation off: the box goes and so do the dots, even ticked before.
  await box.check();
  await page.waitForFunction(() => document.querySelector('[data-testid=aug-dots]').width > 0);
  await page.getByLabel('Augmentation').selectOption('');
  await page.waitForFunction(() => !location.hash.includes('aug='));
  await page.waitForFunction(() => document.querySelector('[data-testid=aug-dots]').width === 0);
  assert.ok(await box.isHidden());
  assert.deepEqual(problems, []);
  await page.close();
});

test('without augmentation the panel offers no dots and draws none', async () => {
  const { page, problems } = await ctx.open('seed=3');
  await page.locator('#advanced > summary').click();
  // The advanced module loads on the first touch of the panel's controls.
  await page.getByLabel('Augmentation').focus();
  await page.waitForFunction(() => document.querySelector('[data-testid=aug-dots]'));
  await stepOnce(page);
  assert.ok(await page.getByLabel('Show augmented points').isHidden());
  assert.equal((await overlay(page)).n, 0);
  assert.deepEqual(problems, []);
  await page.close();
});

/** Imports sample `file` with the import panel's defaults; returns the page's link then (it carries the data). */
async function importedLink(file) {
  const { page } = await ctx.open('seed=2');
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, file));
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('data=csv'));
  const link = page.url().split('#')[1];
  await page.close();
  return link;
}

/** Opens `hash`, takes `steps` steps, and returns the exact training and test losses. */
async function lossesAfter(hash, steps) {
  const { page, problems } = await ctx.open(hash);
  await page.waitForFunction(() => location.hash.includes('data=csv'));
  for (let k = 0; k < steps; k++) await stepOnce(page);
  await page.waitForTimeout(200);
  const losses = [await exactLoss(page, 'train-loss'), await exactLoss(page, 'test-loss')];
  const aug = await page.getByLabel('Augmentation').inputValue().catch(() => null);
  const notice = (await page.getByTestId('loss-notice').isVisible()) && (await page.getByTestId('loss-notice').textContent());
  assert.deepEqual(problems, []);
  await page.close();
  return { losses, aug, notice };
}

test('an imported file trains with jitter and mixup in the advanced worker, and its link replays the same losses', async () => {
  const link = await importedLink('moons.csv');
  const plain = await lossesAfter(link, 5);
  const augmented = await lossesAfter(`${link}&aug=jitter,mixup`, 5);
  const replayed = await lossesAfter(`${link}&aug=jitter,mixup`, 5);
  assert.ok(augmented.losses.every(Number.isFinite), `${augmented.losses}`);
  assert.notDeepEqual(augmented.losses, plain.losses, 'augmentation changes the training');
  assert.deepEqual(replayed.losses, augmented.losses, 'the link replays bit for bit');
  assert.equal(augmented.aug, 'jitter,mixup');
  assert.equal(augmented.notice, false, 'jitter and mixup apply to the file: nothing to say');
});

test('rotation on a file of four features is said, not silently ignored', async () => {
  const link = await importedLink('houses.csv');
  const rotated = await lossesAfter(`${link}&aug=rotate,jitter`, 2);
  assert.match(rotated.notice, /rotate and flip turn the plane of two features; this file has 4, so they are left out \(jitter and mixup apply\)/);
  assert.ok(rotated.losses.every(Number.isFinite));
});
