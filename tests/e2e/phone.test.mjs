// Phones and tablets, under touch emulation (hasTouch, isMobile) at 390 × 844
// and 768 × 1024: no sideways scrolling (as the page opens, while it trains,
// with the lessons list and with the Export menu open), the picture filling
// the phone's width, Play/Step/Reset on the first screen, 44 × 44 px tap
// targets, a tap on Play trains, a tap on a neuron shows its picture large.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, epochAbove } from './helpers.mjs';

const ctx = suite();
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

/** A touch device's page at `hash`, after the first drawn snapshot. */
async function openTouch(viewport, hash = 'seed=1') {
  const context = await ctx.browser.newContext({ viewport, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${ctx.server.url}#${hash}`);
  await page.waitForSelector('[data-testid="neuron-output"]');
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
  return { page, problems };
}

const widths = (page) => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));

async function assertNoSideways(page, what) {
  const w = await widths(page);
  assert.ok(w.scroll <= w.inner, `${what}: the page is ${w.scroll} px wide in a ${w.inner} px window`);
}

/** Play, Step and Reset on the first screen and not covered by anything. */
async function assertRunButtonsReachable(page, what) {
  for (const name of ['Play', 'Step', 'Reset']) {
    const ok = await page.getByRole('button', { name, exact: true }).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && el.contains(hit);
    });
    assert.ok(ok, `${what}: ${name} is on the first screen`);
  }
}

/** Visible interactive elements smaller than 44 × 44 CSS px. A checkbox or radio
 *  counts with its label (tapping the label toggles it); links inside a sentence
 *  are exempt (WCAG 2.5.8's inline exception), and so are table headers that
 *  take keyboard focus only to explain themselves (help tooltips). */
const smallTargets = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('button, select, input, textarea, summary, a[href], [role=button]')) {
    if (el.closest('p') && el.tagName === 'A') continue;
    const box = (el.type === 'checkbox' || el.type === 'radio') && el.closest('label') ? el.closest('label') : el;
    const r = box.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(box).visibility === 'hidden') continue;
    if (r.width < 43.5 || r.height < 43.5) {
      const name = el.id ? `#${el.id}` : el.getAttribute('aria-label') || el.textContent.trim().slice(0, 20) || el.className;
      out.push(`${el.tagName.toLowerCase()} ${name} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return out;
});

for (const [label, viewport] of [['phone 390 × 844', PHONE], ['tablet 768 × 1024', TABLET]]) {
  test(`${label}: no sideways scrolling as it opens, while training, with the lessons list and the Export menu`, async () => {
    const { page, problems } = await openTouch(viewport, 'seed=1&data=spiral');
    await assertNoSideways(page, 'as it opens');
    await assertRunButtonsReachable(page, 'as it opens');
    await page.tap('#play');
    await epochAbove(page, 5);
    await assertNoSideways(page, 'while training');
    await page.tap('#play');
    await page.locator('#lessons-toggle').tap();
    await page.locator('.lesson-list').waitFor({ state: 'visible' });
    await assertNoSideways(page, 'lessons list');
    await page.locator('#export-button').tap();
    await page.locator('.export-menu').waitFor({ state: 'visible' });
    await assertNoSideways(page, 'Export menu');
    assert.deepEqual(problems, []);
  });

  test(`${label}: every visible control is at least 44 × 44 px`, async () => {
    const { page } = await openTouch(viewport, 'seed=1&data=blobs&classes=3');
    const small = await smallTargets(page);
    assert.deepEqual(small, [], `${small.length} targets under 44 × 44: ${small.join(', ')}`);
  });
}

test('phone: the picture fills the width and comes before the other controls; Play, Step, Reset stay in reach while scrolling', async () => {
  const { page } = await openTouch(PHONE);
  const pic = await page.getByTestId('boundary').boundingBox();
  assert.ok(pic.width >= 0.9 * PHONE.width, `the picture is ${pic.width} px wide`);
  assert.ok(pic.y < PHONE.height, `the picture starts on the first screen (at ${pic.y} px)`);
  const lr = await page.locator('#learning-rate').evaluate((el) => el.getBoundingClientRect().top + scrollY);
  assert.ok(lr > pic.y + pic.height, 'the learning rate comes after the picture');
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight / 2));
  await assertRunButtonsReachable(page, 'scrolled halfway');
});

test('phone: a tap on Play trains and a tap pauses; a tap on a neuron shows its picture large, a tap on the picture puts it back', async () => {
  const { page, problems } = await openTouch(PHONE, 'seed=1&data=circle');
  await page.tap('#play');
  await epochAbove(page, 3);
  await page.tap('#play');
  await page.waitForFunction(() => !document.querySelector('#play').classList.contains('playing'));
  const neuron = page.getByTestId('neuron-1-1');
  await neuron.scrollIntoViewIfNeeded();
  await neuron.tap();
  const caption = page.locator('#boundary-caption');
  await caption.waitFor({ state: 'visible' });
  assert.match(await caption.textContent(), /1\.1/);
  const pic = await page.getByTestId('boundary').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { w: r.width, top: r.top, bottom: r.bottom, inView: r.top >= 0 && r.bottom <= innerHeight };
  });
  assert.ok(pic.inView && pic.w >= 0.5 * PHONE.width, `the neuron's picture is on screen and large: ${JSON.stringify(pic)}`);
  await page.locator('#points').tap(); // the points' overlay lies over the picture
  await caption.waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
});
