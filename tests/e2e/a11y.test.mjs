// Accessibility audits with axe-core (tests/e2e/axe.mjs: WCAG 2.0/2.1 A and
// AA and the best practices): no violation of serious or critical impact on
// the page as it opens, while it trains, with a CSV file imported, with five
// classes, in every dialog and panel, in the presenter view and on a phone.
// Each scenario prints its counts per impact (the README's table).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, epochAbove } from './helpers.mjs';
import { audit, severe, IMPACTS } from './axe.mjs';

const ctx = suite();
const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../www/samples');
const table = [];
after(() => {
  console.log(`axe-core violations (elements) per impact: ${IMPACTS.join(' / ')}`);
  for (const [name, c] of table) console.log(`  ${name}: ${IMPACTS.map((i) => c[i]).join(' / ')}`);
});

/** Audits the page as it is now: records the counts, fails on serious or critical ones. */
async function check(page, name) {
  const r = await audit(page);
  table.push([name, r.counts]);
  const bad = severe(r);
  assert.ok(bad.length === 0, `${name}: ${bad.length} serious or critical\n${bad.join('\n')}`);
}

/** Opens the page, clicks the button `#id`, waits for `shown` to be visible and audits. */
async function checkOpened(name, id, shown, hash = 'seed=1') {
  const { page } = await ctx.open(hash);
  await page.locator(`#${id}`).click();
  await page.locator(shown).first().waitFor({ state: 'visible' });
  await check(page, name);
}

test('the default page', async () => {
  const { page } = await ctx.open('seed=1');
  await check(page, 'default page (1440 × 900)');
});

test('while training', async () => {
  const { page } = await ctx.open('seed=1&data=spiral&test=1');
  await page.getByRole('button', { name: 'Play' }).click();
  await epochAbove(page, 20);
  await check(page, 'training');
  await page.getByRole('button', { name: 'Pause' }).click();
});

test('a CSV file imported: the import panel, then training on it', async () => {
  const { page } = await ctx.open('seed=1');
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, 'fruit.csv'));
  await page.waitForFunction(() => document.querySelector('[data-testid=mapping-report]').textContent.startsWith('Ready'));
  await check(page, 'CSV import panel (fruit.csv)');
  await page.getByRole('button', { name: 'Train on this data' }).click();
  await page.waitForFunction(() => location.hash.includes('csv'));
  await page.getByRole('button', { name: 'Step' }).click();
  await check(page, 'trained on fruit.csv');
});

test('five classes', async () => {
  const { page } = await ctx.open('seed=2&data=blobs&classes=5');
  await page.getByRole('button', { name: 'Step' }).click();
  await check(page, 'five classes');
});

test('the glossary', () => checkOpened('glossary', 'glossary-open', '#glossary'));
test('the Open link dialog', () => checkOpened('Open link', 'open-link', '.link-dialog'));
test('the lessons list', () => checkOpened('lessons list', 'lessons-toggle', '.lesson-list'));
test('a lesson', async () => {
  const { page } = await ctx.open('lesson=xor');
  await page.getByRole('region', { name: 'Lesson', exact: true }).waitFor({ state: 'visible' });
  await check(page, 'a lesson (xor)');
});
test('the lesson editor', () => checkOpened('lesson editor', 'make-lesson', '#lesson-editor'));
test('the QR code', () => checkOpened('QR code', 'qr-code', '#qr-dialog svg'));
test('Hide controls', () => checkOpened('Hide controls', 'open-hide', '#hide-dialog'));
test('the search panel', () => checkOpened('search panel', 'search-toggle', '.search-panel'));
test('the Export menu', () => checkOpened('Export menu', 'export-button', '.export-menu'));
test('the presenter view', async () => {
  const { page } = await ctx.open('seed=1&present=1', { viewport: { width: 1440, height: 900 } });
  await check(page, 'presenter view');
});

test('the dark theme, with five classes', async () => {
  const { page } = await ctx.open('seed=2&data=blobs&classes=5&theme=dark');
  await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
  await page.getByRole('button', { name: 'Step' }).click();
  await check(page, 'dark theme, five classes');
});

test('on a phone (390 × 844): as it opens and while training', async () => {
  const { page } = await ctx.open('seed=1', { viewport: { width: 390, height: 844 } });
  await check(page, 'phone 390 × 844');
  await page.getByRole('button', { name: 'Play' }).click();
  await epochAbove(page, 10);
  await check(page, 'phone 390 × 844, training');
  await page.getByRole('button', { name: 'Pause' }).click();
});
