// Dark rooms (issue 18, point 5): the Theme select (System, Light, Dark) switches
// the page and its pictures, `theme=` in the link applies at load and is written
// when chosen, System follows the browser's colour scheme live, the pictures
// change their ground but not their class colours, and the dark theme's main
// text and background pairs meet WCAG's 4.5:1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite } from './helpers.mjs';

const ctx = suite();

/** Opens the page at `hash` in a browser whose system colour scheme is `scheme`. */
async function open(hash, scheme = 'light') {
  const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(ctx.server.url + (hash ? `#${hash}` : ''));
  await page.waitForSelector('[data-testid="neuron-output"]');
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
  return { page, problems };
}

const isDark = (page) => page.evaluate(() => document.documentElement.classList.contains('dark'));

/** Waits until the page is dark (true) or light, and its dark styles (if any) are applied. */
function darkNow(page, dark) {
  return page.waitForFunction((d) => {
    const root = document.documentElement.classList.contains('dark');
    const bg = getComputedStyle(document.body).backgroundColor;
    return root === d && (bg === 'rgb(255, 255, 255)') !== d;
  }, dark);
}

/** WCAG 2 contrast ratio of two CSS rgb() colours (computed inside the page's own terms). */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, bl] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((u) => {
      const c = u / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The colours of a canvas's pixels with how often each occurs (`#rrggbb` → count), opaque pixels only. */
function histogram(page, selector) {
  return page.evaluate((sel) => {
    const c = document.querySelector(sel);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const counts = {};
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] !== 255) continue;
      const hex = '#' + [d[i], d[i + 1], d[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
      counts[hex] = (counts[hex] || 0) + 1;
    }
    return counts;
  }, selector);
}

/** A digest of a canvas's pixels, to tell two drawings apart. */
function pixels(page, selector) {
  return page.evaluate((sel) => {
    const c = document.querySelector(sel);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 16777619);
    return h >>> 0;
  }, selector);
}

test('the Theme select switches the page dark and back, and writes theme= into the link', async () => {
  const { page, problems } = await open('');
  const select = page.getByRole('combobox', { name: 'Theme', exact: true });
  assert.deepEqual(await select.locator('option').allTextContents(), ['System', 'Light', 'Dark']);
  assert.equal(await select.inputValue(), 'system');
  assert.equal(await isDark(page), false);
  const light = {
    boundary: await pixels(page, '#boundary'),
    loss: await pixels(page, '#loss-chart'),
    thumb: await page.evaluate(() => getComputedStyle(document.querySelector('#dataset-thumbs canvas')).backgroundColor),
  };
  assert.ok(!(await page.evaluate(() => location.hash)).includes('theme='), 'a default link has no theme=');

  await select.selectOption({ label: 'Dark' });
  await darkNow(page, true);
  await page.waitForFunction(() => location.hash.includes('&theme=dark'));
  const colors = await page.evaluate(() => {
    const s = (sel) => getComputedStyle(document.querySelector(sel));
    return { bg: s('body').backgroundColor, text: s('body').color };
  });
  assert.ok(contrast(colors.bg, 'rgb(0, 0, 0)') < 1.5, `body background is dark: ${colors.bg}`);
  assert.ok(contrast(colors.text, 'rgb(255, 255, 255)') < 1.5, `text is light: ${colors.text}`);
  // The pictures are drawn again on the dark ground.
  await page.waitForFunction((old) => {
    const c = document.querySelector('#loss-chart');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 16777619);
    return (h >>> 0) !== old;
  }, light.loss);
  assert.notEqual(await pixels(page, '#boundary'), light.boundary, 'the boundary picture changes its ground');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector('#dataset-thumbs canvas')).backgroundColor), light.thumb, 'the dataset thumbnails too');

  await select.selectOption({ label: 'Light' });
  await darkNow(page, false);
  await page.waitForFunction(() => location.hash.includes('&theme=light'));
  await select.selectOption({ label: 'System' });
  await page.waitForFunction(() => !location.hash.includes('theme='));
  // Back in the light theme, the pictures are the light theme's pixels again.
  await page.waitForFunction((old) => {
    const c = document.querySelector('#loss-chart');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 16777619);
    return (h >>> 0) === old;
  }, light.loss);
  assert.deepEqual(problems, []);
  await page.close();
});

test('theme=dark in a link applies at load and the select shows Dark; a bad value gets a notice', async () => {
  const { page, problems } = await open('theme=dark');
  await darkNow(page, true);
  assert.equal(await page.getByRole('combobox', { name: 'Theme', exact: true }).inputValue(), 'dark');
  assert.deepEqual(problems, []);
  await page.close();

  const bad = await open('theme=purple');
  const notice = bad.page.getByTestId('url-notice');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /theme.*purple/);
  assert.equal(await isDark(bad.page), false);
  await bad.page.close();
});

test('System follows the browser colour scheme, live', async () => {
  const { page, problems } = await open('', 'dark');
  await darkNow(page, true);
  assert.equal(await page.getByRole('combobox', { name: 'Theme', exact: true }).inputValue(), 'system');
  await page.emulateMedia({ colorScheme: 'light' });
  await darkNow(page, false);
  await page.emulateMedia({ colorScheme: 'dark' });
  await darkNow(page, true);
  // A link's explicit choice wins over the system's.
  await page.getByRole('combobox', { name: 'Theme', exact: true }).selectOption({ label: 'Light' });
  await darkNow(page, false);
  assert.ok(!(await page.evaluate(() => location.hash)).includes('theme=dark'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the class colours are the same in both themes (only the ground and the rims change)', async () => {
  const classes = ['#f59322', '#0877bd', '#229977', '#6611ff', '#775511'];
  const seen = {};
  for (const theme of ['light', 'dark']) {
    const { page, problems } = await open(`data=blobs&classes=5&seed=2&theme=${theme}`);
    await darkNow(page, theme === 'dark');
    await page.waitForFunction(() => Number(document.querySelector('#points').dataset.points) > 0);
    seen[theme] = await histogram(page, '#points');
    assert.deepEqual(problems, []);
    await page.close();
  }
  for (const c of classes) {
    for (const theme of ['light', 'dark']) {
      assert.ok((seen[theme][c] || 0) > 50, `${c} fills points in the ${theme} theme (${seen[theme][c] || 0} pixels)`);
    }
  }
});

test('the dark theme’s main text and background pairs have a contrast of at least 4.5', async () => {
  const { page, problems } = await open('theme=dark');
  await darkNow(page, true);
  const pairs = await page.evaluate(() => {
    const s = (el) => getComputedStyle(el);
    /** The background an element shows: its own, or the nearest ancestor's that is not transparent. */
    const ground = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const b = s(e).backgroundColor;
        if (b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent') return b;
      }
      return 'rgb(255, 255, 255)';
    };
    const out = [];
    for (const sel of ['body', '.masthead h1', '.toolbar .caption', '.column h2', '.hint', '#epoch',
      '.field select', '.field > label', '.legend', '.check', 'button#step', '.training-options > summary',
      '#train-loss', '.explain-text', '.layer-head']) {
      const el = document.querySelector(sel);
      if (el && el.getClientRects().length) out.push({ sel, fg: s(el).color, bg: ground(el) });
    }
    return out;
  });
  assert.ok(pairs.length >= 10, `pairs measured: ${pairs.map((p) => p.sel).join(', ')}`);
  const low = [];
  for (const p of pairs) {
    const r = contrast(p.fg, p.bg);
    console.log(`${p.sel}: ${p.fg} on ${p.bg}: ${r.toFixed(2)}`);
    if (r < 4.5) low.push(`${p.sel} ${r.toFixed(2)}`);
  }
  assert.deepEqual(low, []);
  assert.deepEqual(problems, []);
  await page.close();
});
