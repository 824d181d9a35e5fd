// Keyboard and screen readers (issue 18, points 1 and 2): Tab reaches every
// visible control with a visible focus ring and never gets stuck; the
// shortcuts (Space, →, R, ?) act through the page's loop but leave typing and
// a focused button's Space alone; every dialog closes with Escape and gives the
// focus back; the live region speaks at most every 5 s while training and once
// on pause; the picture's text alternative names the accuracy; canvases and
// notices are named and announced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, epoch, stepOnce } from './helpers.mjs';

const ctx = suite();

const playing = (page) => page.locator('#play.playing').count().then((n) => n > 0);
/** The focused element as `#id`, or its tag, for messages. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a ? (a.id ? `#${a.id}` : a.tagName.toLowerCase()) : 'none';
});
/** Takes the focus off every control: keys go to the page itself. */
const blur = (page) => page.evaluate(() => document.activeElement?.blur());

/** Waits until training is paused and the epoch counter has stopped. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('#play.playing'));
  let last = -1;
  for (;;) {
    const e = await epoch(page);
    if (e === last) return e;
    last = e;
    await page.waitForTimeout(300);
  }
}

test('Tab reaches every visible control in reading order, each with a visible focus ring, and never gets stuck', async () => {
  const { page, problems } = await ctx.open('seed=1');
  // Every control a keyboard user should reach: visible, enabled, not taken out of the order.
  // Named by a key that survives the diagram being rebuilt: its id, else its name, numbered.
  await page.evaluate(() => {
    window.__tabKey = (el) => {
      const name = el.id || el.getAttribute('aria-label') || el.dataset.testid || el.textContent.trim().slice(0, 30) || el.tagName;
      const same = [...document.querySelectorAll(el.tagName)].filter((o) => (o.id || o.getAttribute('aria-label') || o.dataset.testid || o.textContent.trim().slice(0, 30) || o.tagName) === name);
      return same.length > 1 ? `${name} #${same.indexOf(el) + 1}` : name;
    };
  });
  const expected = await page.evaluate(() => {
    const sel = 'a[href],button,input,select,textarea,summary,[tabindex]';
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const keys = [];
    for (const el of document.querySelectorAll(sel)) {
      if (el.disabled || el.tabIndex < 0 || el.closest('[inert],dialog:not([open])')) continue;
      // A radio group is one stop; a feature's check box is drawn by its label.
      if (el.type === 'radio' && !el.checked) continue;
      if (!shown(el) && !(el.closest('.feature-label') && shown(el.closest('.feature-label')))) continue;
      keys.push(window.__tabKey(el));
    }
    return keys;
  });
  await blur(page);
  const reached = [];
  const missingRing = [];
  const lowContrast = [];
  for (let i = 0; i < expected.length + 40; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      // The feature check boxes show their ring on the label around them.
      const drawn = a.closest('.feature-label') || a;
      const s = getComputedStyle(drawn);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      // The ring's contrast with what is around the control (WCAG 1.4.11 asks 3:1).
      const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      let bg = [255, 255, 255];
      for (let p = drawn.parentElement; p; p = p.parentElement) {
        const c = rgb(getComputedStyle(p).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c.slice(0, 3); break; }
      }
      const [l1, l2] = [lum(rgb(s.outlineColor).slice(0, 3)), lum(bg)].sort((x, y) => y - x);
      const contrast = (l1 + 0.05) / (l2 + 0.05);
      return { k: window.__tabKey(a), name: a.id || a.tagName, ring, contrast };
    });
    if (at === null) break; // past the last control: focus left the page
    if (!at.ring) missingRing.push(at.name);
    if (at.contrast < 3) lowContrast.push(`${at.name} ${at.contrast.toFixed(2)}`);
    if (reached.length && reached[reached.length - 1].k === at.k) assert.fail(`focus stuck on ${at.k}`);
    if (reached.some((r) => r.k === at.k)) break; // wrapped around
    reached.push(at);
  }
  const seen = new Set(reached.map((r) => r.k));
  const unreached = expected.filter((k) => !seen.has(k));
  assert.deepEqual(unreached, [], `not reached by Tab: ${unreached.join(', ')}`);
  assert.deepEqual(missingRing, [], `no visible focus on: ${missingRing.join(', ')}`);
  assert.deepEqual(lowContrast, [], `focus ring under 3:1 against its background: ${lowContrast.join(', ')}`);
  console.log(`Tab reached ${reached.length} controls (${expected.length} expected)`);
  // Reading order: the header, the run buttons, the data, the network, the output.
  const order = reached.map((r) => r.name);
  const at = (id) => order.indexOf(id);
  for (const [a, b] of [['lang', 'reset'], ['reset', 'play'], ['play', 'step'], ['step', 'dataset'], ['dataset', 'add-layer'], ['add-layer', 'show-test']]) {
    assert.ok(at(a) >= 0 && at(a) < at(b), `${a} before ${b}: ${order.join(' ')}`);
  }
  // The Help button is named exactly so, in the masthead.
  assert.equal(await page.getByRole('button', { name: 'Help', exact: true }).count(), 1);
  assert.deepEqual(problems, []);
});

test('Space plays and pauses, → trains one epoch, R resets, and keys typed into a field or pressed on a button stay theirs', async () => {
  const { page, problems } = await ctx.open('seed=1');
  await blur(page);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=epoch]').textContent) > 3);
  assert.ok(await playing(page), 'Space plays');
  await page.keyboard.press('Space');
  const paused = await settled(page);
  assert.ok(!(await playing(page)), 'Space pauses');
  // → : exactly one epoch.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((e) => Number(document.querySelector('[data-testid=epoch]').textContent) > e, paused);
  assert.equal(await settled(page), paused + 1);
  // R: back to epoch 0.
  await page.keyboard.press('r');
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '0');
  // Space on a focused button presses that button (Step), it does not play.
  await page.locator('#step').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '1');
  assert.equal(await settled(page), 1);
  assert.ok(!(await playing(page)), 'Space on Step stepped, it did not play');
  // Typing into a field: the keys are text, no shortcut fires.
  const paste = page.locator('#csv-paste');
  await paste.focus();
  await page.keyboard.type('r ?');
  await page.keyboard.press('ArrowRight');
  assert.equal(await paste.inputValue(), 'r ?');
  await page.waitForTimeout(400);
  assert.equal(await epoch(page), 1, 'no reset, no step');
  assert.ok(!(await playing(page)));
  assert.equal(await page.locator('dialog[open]').count(), 0, 'no help');
  // A number box keeps its arrow keys (a select or a slider would change its value with them).
  await page.locator('#stop-epoch').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  assert.equal(await epoch(page), 1);
  assert.ok(!(await playing(page)));
  assert.deepEqual(problems, []);
});

test('? and the Help button open the help dialog; Escape closes it and the focus goes back', async () => {
  const { page, problems } = await ctx.open('seed=1');
  const dialog = page.getByRole('dialog', { name: /Help/ });
  // "?" from a metric's heading (focusable, not a control): the first press loads the lessons' module.
  await page.locator('#class-metrics th[tabindex]').first().focus();
  await page.keyboard.press('?');
  await dialog.waitFor({ state: 'visible' });
  const text = await dialog.textContent();
  for (const words of ['Space', 'Play or pause', 'Train exactly one epoch', 'Reset', 'screen reader', '5 seconds']) {
    assert.ok(text.includes(words), `the dialog mentions ${words}: ${text}`);
  }
  assert.equal(await dialog.getByRole('row').count(), 6);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.help), 'help-accuracy', 'focus back on the heading');
  // The button: by keyboard, and back to it.
  const help = page.getByRole('button', { name: 'Help', exact: true });
  await help.focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'visible' });
  // Shortcuts do not act behind an open dialog.
  await page.keyboard.press('r');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focused(page), '#keys-help');
  assert.equal(await epoch(page), 0);
  assert.deepEqual(problems, []);
});

test('every dialog, the lazy modules\' too, closes with Escape and gives the focus back to its button', async () => {
  const { page, problems } = await ctx.open('seed=1');
  for (const id of ['glossary-open', 'keys-help', 'qr-code', 'make-lesson', 'open-hide', 'open-link']) {
    await page.locator(`#${id}`).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    // Tab moves inside the dialog and does not get stuck on one element.
    const first = await focused(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('dialog[open]') || document.activeElement === document.body), `${id}: Tab stays in the dialog (from ${first})`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    assert.equal(await focused(page), `#${id}`, `${id}: focus back`);
  }
  assert.deepEqual(problems, []);
});

test('the live region speaks at most every 5 s while training and once on pause; the picture has a text alternative with the accuracy', async () => {
  const { page, problems } = await ctx.open('seed=1');
  const live = page.getByTestId('live-status');
  assert.equal(await live.getAttribute('role'), 'status');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  const box = await live.boundingBox();
  assert.ok(box === null || (box.width <= 1 && box.height <= 1), 'visually hidden');
  // The first snapshot (epoch 0) is spoken.
  await page.waitForFunction(() => /Epoch 0\./.test(document.querySelector('[data-testid=live-status]').textContent));
  // Count what it says over 12 s of training.
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid=live-status]');
    window.__said = [];
    new MutationObserver(() => {
      if (window.__said[window.__said.length - 1] !== el.textContent) window.__said.push(el.textContent);
    }).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await blur(page);
  await page.keyboard.press('Space');
  await page.waitForTimeout(12_000);
  const during = await page.evaluate(() => window.__said.length);
  await page.keyboard.press('Space');
  const e = await settled(page);
  await page.waitForFunction((e) => document.querySelector('[data-testid=live-status]').textContent.includes(`Epoch ${e}.`), e);
  const said = await page.evaluate(() => window.__said);
  console.log(`live region over 12 s of training: ${during} announcements, ${said.length} with the pause: ${JSON.stringify(said)}`);
  assert.ok(during >= 2 && during <= 3, `${during} announcements in 12 s`);
  const last = said[said.length - 1];
  const loss = await page.getByTestId('test-loss').textContent();
  assert.match(last, new RegExp(`^Epoch ${e}\\. Training loss [0-9.]+, test loss ${loss.replace('.', '\\.')}\\. Test accuracy \\d+ %\\.$`));
  // The picture in words, tied to the canvas.
  const canvas = page.getByTestId('boundary');
  assert.equal(await canvas.getAttribute('role'), 'img');
  const describedBy = await canvas.getAttribute('aria-describedby');
  const words = await page.locator(`#${describedBy}`).textContent();
  const accuracy = await page.getByTestId('test-accuracy').textContent();
  assert.match(words, /^Test accuracy \d+ %\. (Blue|Orange) covers .+\.$/);
  assert.ok(words.includes(`${Math.round(parseFloat(accuracy))} %`) || /Test accuracy \d+ %/.test(words), `${words} / ${accuracy}`);
  console.log(`the picture in words: ${words}`);
  assert.deepEqual(problems, []);
});

test('canvases, neuron pictures and notices are named and announced', async () => {
  const { page, problems } = await ctx.open('seed=1&net=4,2');
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('canvas')]
    .filter((c) => c.getClientRects().length && c.closest('[aria-hidden=true]') === null)
    .filter((c) => !(c.getAttribute('role') === 'img' && (c.getAttribute('aria-label') || c.getAttribute('aria-labelledby'))))
    .map((c) => c.id || c.dataset.testid || c.outerHTML.slice(0, 60)));
  assert.deepEqual(unnamed, [], 'every visible canvas is a named image or hidden from assistive technology');
  assert.equal(await page.getByRole('img', { name: 'Neuron 1.2' }).count(), 1);
  assert.ok(await page.getByRole('img', { name: /Decision boundary/ }).count() >= 1);
  const silent = await page.evaluate(() => [...document.querySelectorAll('.notice, [id$=-notice], [id$=-error]')]
    .filter((n) => !['alert', 'status'].includes(n.getAttribute('role')))
    .map((n) => n.id));
  assert.deepEqual(silent, [], 'every notice has role alert or status');
  assert.deepEqual(problems, []);
});
