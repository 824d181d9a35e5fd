// English and Simplified Chinese: the Language select switches without a
// reload (the run and the settings stay); the Chinese walk opens the page
// with lang=zh and finds no English word left anywhere visible (text, names,
// titles, placeholders, options) while training, with imported data, a bad
// file, five classes, the hide-controls dialog, a hostile link, a finished
// search and the diagram's tooltip; a link's lang=en wins over a Chinese
// browser, and a Chinese browser gets Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, epoch, stepOnce } from './helpers.mjs';

const ctx = suite();
const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../www/samples');

// Names that stay as they are in Chinese (the course writes them so too):
// activations, optimizers, initialisations and losses by their authors' names,
// metric and file-format abbreviations, the product, the inputs' names.
const NAMES = new Set([
  'nnplay', 'ReLU', 'Leaky', 'ELU', 'GELU', 'Softplus', 'Softmax', 'softmax', 'Sigmoid', 'tanh', 'Dropout',
  'SGD', 'Nesterov', 'Adagrad', 'RMSProp', 'Adam', 'AdamW', 'Adadelta', 'Beta', 'Epsilon', 'Rho',
  'Glorot', 'Xavier', 'He', 'Huber', 'MSE', 'MAE', 'R²', 'F1', 'L1', 'L2', 'CSV', 'JSON', 'PCA', 'NaN', 'Parzen',
  'X', 'X1', 'X2', 'sin', 'English', 'z', 'e',
  // Keys as printed on the keyboard (the shortcuts in titles and the Help dialog).
  'R', 'Tab', 'Shift', 'Esc', 'Ctrl', 'Alt',
]);

/** Every visible string of the page: text nodes, accessible names, titles, placeholders, alt texts, options. */
function visibleStrings(page) {
  return page.evaluate(() => {
    const out = [document.title];
    const shown = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || e.hidden) return false;
      }
      return true;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, option, datalist') || !shown(el)) continue;
      const t = n.textContent.trim();
      if (t) out.push(t);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], select')) {
      if (!shown(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
      if (el.tagName === 'SELECT') for (const o of el.options) out.push(o.text);
      const group = el.closest('optgroup');
      if (group) out.push(group.label);
    }
    for (const g of document.querySelectorAll('optgroup')) if (shown(g.parentElement)) out.push(g.label);
    return out;
  });
}

/** The English words left in the page (outside names, quoted values and the data's own words). */
async function englishLeft(page, dataWords = new Set()) {
  const left = new Map();
  for (const s of await visibleStrings(page)) {
    // A link's keys and values and a file's cells are quoted in messages: they are the user's, not the page's.
    const bare = s.replace(/“[^”]*”|‘[^’]*’|"[^"]*"|'[^']*'/g, ' ');
    for (const w of bare.match(/[A-Za-z][A-Za-z0-9²]*/g) ?? []) {
      if (w.length < 2 && !/[A-Z]/.test(w)) continue;
      if (NAMES.has(w) || dataWords.has(w) || /^[xX]\d|^\d/.test(w)) continue;
      if (!left.has(w)) left.set(w, s.slice(0, 120));
    }
  }
  return [...left].map(([w, s]) => `${w} (in “${s}”)`);
}

/** Step (by id: its name is Chinese here) and wait for the epoch to move. */
async function step(page) {
  const before = await epoch(page);
  await page.locator('#step').click();
  await page.waitForFunction((e) => Number(document.querySelector('[data-testid=epoch]').textContent) > e, before);
}

async function assertChinese(page, where, dataWords) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN', where);
  const left = await englishLeft(page, dataWords);
  assert.deepEqual(left, [], `${where}: English left:\n${left.join('\n')}`);
}

test('the Language select switches to 中文 and back without a reload; the run and the settings stay', async () => {
  const { page, problems } = await ctx.open('seed=3');
  await page.evaluate(() => { window.__notReloaded = true; });
  const select = page.getByRole('combobox', { name: 'Language', exact: true });
  assert.deepEqual(await select.locator('option').allTextContents(), ['English', '中文']);
  assert.equal(await select.inputValue(), 'en');
  await page.getByRole('combobox', { name: 'Learning rate', exact: true }).selectOption('0.1');
  await stepOnce(page);
  await stepOnce(page);
  const trained = await epoch(page);
  let heard = 0;
  await page.exposeFunction('__heardLang', () => { heard += 1; });
  await page.evaluate(() => document.addEventListener('nnplay-lang', () => window.__heardLang()));
  await select.selectOption('zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.getByRole('combobox', { name: '学习率', exact: true }).waitFor();
  assert.ok(await page.evaluate(() => window.__notReloaded), 'no reload');
  assert.equal(await epoch(page), trained, 'the trained epoch stays');
  assert.equal(await page.getByRole('combobox', { name: '学习率', exact: true }).inputValue(), '0.1');
  assert.ok(await page.getByRole('button', { name: '运行' }).isVisible());
  assert.equal(await page.locator('#net-heading').textContent(), '2 个隐藏层');
  assert.equal(await page.getByRole('combobox', { name: '语言' }).inputValue(), 'zh');
  assert.ok(heard >= 1, 'nnplay-lang was dispatched');
  // Back to English, still the same run.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('combobox', { name: 'Learning rate', exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await epoch(page), trained);
  assert.ok(await page.getByRole('button', { name: 'Play' }).isVisible());
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Chinese walk: no English word is left anywhere on the page', async () => {
  const { page, problems } = await ctx.open('lang=zh&seed=2');
  await assertChinese(page, 'default page');
  // Training.
  await page.locator('#play').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=epoch]').textContent) > 20);
  await assertChinese(page, 'while training');
  await page.locator('#play').click();
  // The diagram's tooltip over a neuron and over a weight.
  await page.getByTestId('neuron-1-1').hover();
  await page.locator('#tooltip').waitFor({ state: 'visible' });
  await assertChinese(page, 'tooltip over a neuron');
  await page.mouse.move(0, 0);
  // The hide-controls dialog.
  await page.locator('#open-hide').click();
  await page.locator('#hide-dialog').waitFor({ state: 'visible' });
  await assertChinese(page, 'hide-controls dialog');
  await page.keyboard.press('Escape');
  await page.locator('#hide-dialog').waitFor({ state: 'hidden' });
  // A CSV file from the samples: the import panel, then training on it.
  const csv = fs.readFileSync(path.join(samples, 'fruit.csv'), 'utf8');
  // The file's own words (its column names and cells, split as the check splits words).
  const dataWords = new Set(csv.match(/[A-Za-z][A-Za-z0-9²]*/g));
  await page.locator('#csv-file').setInputFiles(path.join(samples, 'fruit.csv'));
  await page.locator('#import-panel').waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('#csv-use').disabled);
  await assertChinese(page, 'import panel', dataWords);
  await page.locator('#csv-use').click();
  await page.waitForFunction(() => document.querySelector('#csv-in-use').textContent.includes('正在用这些数据训练'));
  await page.locator('#play').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=epoch]').textContent) > 2);
  await page.locator('#play').click();
  await assertChinese(page, 'training on the imported file', dataWords);
  // A bad file: its error.
  await page.locator('#csv-paste').fill('a,b\n1,2,3,4\nx');
  await page.locator('#csv-import').click();
  await page.getByTestId('import-error').waitFor({ state: 'visible' });
  await assertChinese(page, 'a bad CSV', dataWords);
  await page.close();

  // Five classes.
  const five = await ctx.open('lang=zh&data=blobs&classes=5&seed=2');
  await step(five.page);
  await assertChinese(five.page, 'five classes');
  await five.page.close();

  // A hostile link's notice.
  const hostile = await ctx.open('lang=zh&lr=banana&foo=1&net=999,x&opt=nope&act=relu');
  await hostile.page.getByTestId('url-notice').waitFor({ state: 'visible' });
  await assertChinese(hostile.page, 'a hostile link');
  await hostile.page.close();

  // A small finished search.
  const s = await ctx.open('lang=zh&data=xor&net=4&seed=1&search=grid&s_epochs=15&s_lr=0.03,0.3&s_obj=test');
  const region = s.page.locator('#search-panel');
  await region.waitFor({ state: 'visible' });
  await s.page.locator('#search-start').click();
  await s.page.waitForFunction(() => {
    const m = document.querySelector('[data-testid=search-progress]').textContent.match(/(\d+)\/(\d+)/);
    return m && m[1] === m[2] && m[2] !== '0' && !document.querySelector('#search-start').disabled;
  }, null, { timeout: 60_000 });
  await s.page.locator('#search-rows input[type=checkbox]').first().check();
  await assertChinese(s.page, 'a finished search');
  assert.deepEqual([...problems, ...s.problems, ...five.problems, ...hostile.problems], []);
  await s.page.close();
});

test('a link with lang=en wins over a Chinese browser, and the page keeps the key', async () => {
  const context = await ctx.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${ctx.server.url}#lang=en&seed=4`);
  await page.waitForSelector('[data-testid="neuron-output"]');
  assert.deepEqual(await page.evaluate(() => navigator.languages), ['zh-CN']);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('combobox', { name: 'Learning rate', exact: true }).selectOption('0.3');
  await page.waitForFunction(() => location.hash.includes('lr=0.3'));
  assert.match(await page.evaluate(() => location.hash), /&lang=en/);
  assert.ok(await page.getByRole('button', { name: 'Play' }).isVisible());
  await context.close();
});

test('a Chinese browser gets the page in Chinese when the link does not say', async () => {
  const context = await ctx.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${ctx.server.url}#seed=4`);
  await page.waitForSelector('[data-testid="neuron-output"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.getByRole('combobox', { name: '学习率', exact: true }).waitFor();
  assert.ok(await page.getByRole('button', { name: '运行' }).isVisible());
  await context.close();
});
