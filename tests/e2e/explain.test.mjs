// Explanations for a learner (issue 14): a tooltip beside every control on
// hover and on keyboard focus, a glossary, the presenter view (present=1) and
// the embed mode for slides (embed=1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite } from './helpers.mjs';

const ctx = suite();
const open = (...a) => ctx.open(...a);

/** The tooltip's state: shown, its text, its box, and who points at it. */
const tipState = (page) => page.evaluate(() => {
  const tip = document.getElementById('help-tip');
  const r = tip.getBoundingClientRect();
  const described = [...document.querySelectorAll('[aria-describedby="help-tip"]')].map((e) => e.id || e.tagName);
  return {
    shown: !tip.hidden, role: tip.getAttribute('role'), text: tip.textContent, described,
    box: { x: r.x, y: r.y, w: r.width, h: r.height }, view: { w: innerWidth, h: innerHeight },
  };
});

/** Waits for the tooltip to be shown (the texts come with the first one), then its state. */
async function shownTip(page) {
  await page.waitForFunction(() => !document.getElementById('help-tip').hidden);
  return tipState(page);
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.w && a.y < b.y + b.height && b.y < a.y + a.h;

test('hovering a control shows its explanation beside it, read by screen readers; Escape hides it', async () => {
  const { page, problems } = await open('seed=1');
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/i18n/')) fetched.push(new URL(r.url()).pathname); });
  const lr = page.getByLabel('Learning rate', { exact: true });
  await lr.hover();
  let s = await shownTip(page);
  assert.ok(s.shown, 'shown on hover');
  assert.equal(s.role, 'tooltip');
  assert.match(s.text, /gradient/);
  assert.deepEqual(s.described, ['learning-rate'], 'the select names the tooltip in aria-describedby');
  assert.equal(await lr.getAttribute('aria-describedby'), 'help-tip');
  const field = await page.locator('[data-control=lr]').boundingBox();
  assert.ok(!overlaps(s.box, field), `the tooltip ${JSON.stringify(s.box)} leaves the control free`);
  await page.keyboard.press('Escape');
  s = await tipState(page);
  assert.ok(!s.shown, 'Escape hides it');
  assert.deepEqual(s.described, []);
  // Another control, another text; leaving the controls hides it.
  await page.getByLabel('Regularization', { exact: true }).hover();
  assert.match((await shownTip(page)).text, /λ·½Σw²/);
  await page.mouse.move(700, 890);
  await page.locator('#explain').hover();
  assert.ok(!(await tipState(page)).shown, 'pointer leave hides it');
  assert.deepEqual(fetched, ['/i18n/en/explain.ftl'], 'the texts are fetched once, when first needed');
  assert.deepEqual(problems, []);
});

test('Tab onto a control shows its explanation; metrics explain themselves on focus; the tooltip stays in the window', async () => {
  const { page } = await open('seed=1');
  await page.locator('#noise').focus();
  assert.match((await shownTip(page)).text, /Moves each point/);
  await page.keyboard.press('Tab');
  let s = await shownTip(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'validation');
  assert.match(s.text, /kept out of training/);
  assert.deepEqual(s.described, ['validation']);
  await page.keyboard.press('Tab');
  s = await shownTip(page);
  assert.match(s.text, /Points per weight update/);
  assert.deepEqual(s.described, ['batch-size']);
  await page.keyboard.press('Escape');
  assert.ok(!(await tipState(page)).shown);
  // The metric headers are explained too.
  for (const [name, pattern] of [['Precision', /TP \/ \(TP \+ FP\)/], ['Recall', /TP \/ \(TP \+ FN\)/], ['F1', /harmonic/]]) {
    await page.getByRole('columnheader', { name, exact: true }).focus();
    s = await shownTip(page);
    assert.match(s.text, pattern, name);
    assert.ok(s.box.x >= 0 && s.box.y >= 0 && s.box.x + s.box.w <= s.view.w && s.box.y + s.box.h <= s.view.h, JSON.stringify(s));
  }
  // Momentum's own box, once shown.
  await page.getByLabel('Optimizer', { exact: true }).selectOption('momentum');
  await page.locator('#optimizer-params input[data-param=mom]').focus();
  assert.match((await shownTip(page)).text, /μ/);
  // Blur hides it.
  await page.evaluate(() => document.activeElement.blur());
  assert.ok(!(await tipState(page)).shown);
});

test('the glossary opens as a dialog of terms, closes with Escape and gives the focus back', async () => {
  const { page, problems } = await open('seed=1');
  const button = page.getByRole('button', { name: 'Glossary' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Glossary' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.querySelector('#glossary-list dt')?.textContent !== '');
  const terms = await dialog.locator('dt').allTextContents();
  assert.ok(terms.length >= 15 && terms.length <= 25, `${terms.length} terms`);
  for (const t of ['Epoch', 'Learning rate', 'Overfitting', 'Dropout', 'Precision', 'Recall', 'Early stopping']) {
    assert.ok(terms.includes(t), t);
  }
  assert.equal(await dialog.locator('dd').count(), terms.length);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'glossary-open');
  // Closed, its words are gone: "Glossary" never answers for the Loss control.
  // (The dialog's close event comes a task after it hides.)
  await page.waitForFunction(() => !document.getElementById('glossary-list').hasAttribute('aria-labelledby'));
  assert.equal(await page.getByLabel('Loss').count(), 1);
  assert.deepEqual(problems, []);
});

test('present=1 shows large type; the Presenter view button sets it without a reload and writes it to the link', async () => {
  const labelSize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('label[for=learning-rate]')).fontSize));
  const { page } = await open('seed=1');
  const normal = await labelSize(page);
  const { page: shown } = await open('seed=1&present=1', { viewport: { width: 1920, height: 1080 } });
  const large = await labelSize(shown);
  assert.ok(large >= 1.4 * normal, `label ${large}px against ${normal}px`);
  assert.equal(await shown.getByRole('button', { name: 'Presenter view' }).getAttribute('aria-pressed'), 'true');
  // Still usable: Step trains.
  await shown.getByRole('button', { name: 'Step' }).click();
  await shown.waitForFunction(() => Number(document.querySelector('[data-testid=epoch]').textContent) >= 1);
  // The toggle, in place.
  await page.evaluate(() => { window.__same = true; });
  await page.getByRole('button', { name: 'Presenter view' }).click();
  await page.waitForFunction(() => location.hash.includes('present=1'));
  assert.ok(await page.evaluate(() => window.__same), 'no reload');
  assert.ok((await labelSize(page)) >= 1.4 * normal);
  await page.getByRole('button', { name: 'Presenter view' }).click();
  await page.waitForFunction(() => !location.hash.includes('present=1'));
  assert.equal(await labelSize(page), normal);
});

test('embed=1 shows only the picture, Play and Reset, filling the frame, and keeps itself in the link', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(`${ctx.server.url}#seed=1&embed=1`);
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
  for (const el of [page.getByTestId('boundary'), page.getByRole('button', { name: 'Play' }), page.getByRole('button', { name: 'Reset' })]) {
    assert.ok(await el.isVisible());
  }
  for (const el of [
    page.getByRole('button', { name: 'Step' }), page.getByLabel('Learning rate', { exact: true }), page.getByLabel('Dataset'),
    page.getByLabel('Speed'), page.getByRole('button', { name: 'Copy link' }), page.getByRole('button', { name: 'Glossary' }),
    page.getByTestId('neuron-output'), page.getByTestId('loss-chart'), page.getByTestId('metric-chart'), page.locator('#explain'),
    page.locator('h1'), page.getByTestId('test-accuracy'), page.getByLabel('Show test data'),
  ]) {
    assert.ok(!(await el.isVisible()), `${el} is hidden`);
  }
  const box = await page.getByTestId('boundary').boundingBox();
  assert.ok(box.height >= 0.85 * 600 - 80 && box.y + box.height <= 600, `the picture fills the frame: ${JSON.stringify(box)}`);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=epoch]').textContent) > 3);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /[#&]embed=1/);
  assert.match(hash, /[#&]seed=1/);
  assert.ok(!(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight + 1)), 'no scrolling');
});
