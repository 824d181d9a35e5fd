// The network as a formula (issue 16): small networks are written out as
// MathML with their current weights, and the formula follows the weights
// while the run is paused (a step, an edited weight).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, stepOnce } from './helpers.mjs';

const ctx = suite();

test('a 2-4-2-1 network is written out with its weights and follows each step and edit', async () => {
  const { page, problems } = await ctx.open('seed=21');
  const formula = page.getByTestId('formula');
  // 4 + 2 hidden neurons and the output: one equation each, typeset by the browser.
  assert.equal(await formula.locator('math').count(), 7);
  const box = await formula.locator('math').first().boundingBox();
  assert.ok(box.width > 100 && box.height > 10, `typeset: ${JSON.stringify(box)}`);
  const text = () => formula.textContent();
  const before = await text();
  assert.match(before, /tanh/);
  // Every weight and bias appears: 18 + 7 numbers with two decimals.
  assert.equal((before.match(/\d+\.\d\d/g) || []).length, 25);
  await stepOnce(page);
  const stepped = await text();
  assert.notEqual(stepped, before, 'a step changes the weights in the formula');
  // Setting a weight by hand shows in the formula at once (paused).
  const link = page.locator('#links path.hit').first();
  await link.click({ force: true });
  await page.getByLabel('Weight', { exact: true }).fill('7.25');
  await page.getByLabel('Weight', { exact: true }).press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=formula]').textContent.includes('7.25'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('larger networks say why there is no formula; softmax outputs are combined', async () => {
  const { page } = await ctx.open('seed=3&net=8,8');
  const formula = page.getByTestId('formula');
  assert.equal(await formula.locator('math').count(), 0);
  assert.match(await formula.textContent(), /at most 24 weights; this one has 88/);
  await page.close();
  const { page: classes } = await ctx.open('data=krings&classes=3&net=&seed=4');
  const f = classes.getByTestId('formula');
  // Three outputs z₁…z₃ and ŷ = softmax(z).
  assert.equal(await f.locator('math').count(), 4);
  assert.match(await f.textContent(), /softmax/);
  await classes.close();
});
