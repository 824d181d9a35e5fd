// Lessons: every built-in lesson opens from its link with its controls hidden
// and its goal shown, and a scripted student reaches each goal (pressing Play,
// with the one change the lesson asks for written into the link the way the
// page writes a changed setting, and at the Fast speed); a teacher's lesson
// round-trips through "Make a lesson"; hostile lesson links only give a
// notice; the QR code dialog shows an SVG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { suite } from './helpers.mjs';

const ctx = suite();
const here = path.dirname(new URL(import.meta.url).pathname);

/** The built-in lessons' ids and what the student changes, read from the table in code. */
const BUILTINS = (() => {
  const src = fs.readFileSync(path.resolve(here, '../../src/lesson/builtin.rs'), 'utf8');
  const out = [];
  for (const m of src.matchAll(/id: "([^"]+)",[\s\S]*?student: "([^"]*)",/g)) out.push({ id: m[1], student: m[2] });
  return out;
})();

const region = (page) => page.getByRole('region', { name: 'Lesson', exact: true });

/** The links of the Lessons list (opens it: the first click loads the module). */
async function lessonLinks(page) {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const list = page.getByRole('navigation', { name: 'Lessons' });
  await list.waitFor({ state: 'visible' });
  const anchors = list.getByRole('link');
  const n = await anchors.count();
  const links = [];
  for (let i = 0; i < n; i++) {
    links.push({ title: await anchors.nth(i).textContent(), href: (await anchors.nth(i).getAttribute('href')).slice(1) });
  }
  return links;
}

test('the Lessons list has every built-in lesson in course order, each a link that opens it', async () => {
  const { page, problems } = await ctx.open('seed=1');
  const links = await lessonLinks(page);
  assert.equal(links.length, BUILTINS.length);
  assert.ok(links.length >= 12);
  assert.match(links[0].title, /single neuron/i);
  assert.match(links[1].title, /XOR/);
  await page.getByRole('link', { name: links[1].title }).click();
  await region(page).waitFor({ state: 'visible' });
  assert.match(await region(page).getByRole('heading').first().textContent(), /XOR/);
  assert.ok(await page.getByRole('navigation', { name: 'Lessons' }).isHidden());
  assert.match(page.url(), /lesson=xor/);
  // Next lesson opens the following one (and the playground follows its setup).
  await region(page).getByRole('button', { name: 'Next lesson' }).click();
  await page.waitForFunction(() => /lesson=features/.test(location.hash));
  await page.waitForFunction(() => /Features versus depth/.test(document.querySelector('#lesson-title').textContent));
  assert.equal(await page.getByLabel('Dataset').inputValue(), 'circle');
  assert.deepEqual(problems, []);
});

test('every built-in lesson opens from its link: text, goal, hidden controls, hints one at a time', async () => {
  const { page } = await ctx.open('seed=1');
  const links = await lessonLinks(page);
  for (const { href, title } of links) {
    const { page: p, problems } = await ctx.open(href);
    const r = region(p);
    await r.waitFor({ state: 'visible' });
    assert.equal(await r.getByRole('heading').first().textContent(), title);
    const goal = await p.getByTestId('lesson-goal').textContent();
    assert.match(goal, /Goal: .*(below|at least|diverge)/, `${title}: ${goal}`);
    // Before Play: waiting, or (the overfitting lessons) the network is larger than the goal allows.
    assert.match(await p.getByTestId('lesson-status').textContent(), /Epoch 0|too big for this goal/);
    for (const m of href.matchAll(/(?:^|&)([a-z]+)_hide=1/g)) {
      const els = p.locator(`[data-control="${m[1]}"]`);
      for (let i = 0; i < await els.count(); i++) assert.ok(await els.nth(i).isHidden(), `${title}: ${m[1]} is hidden`);
    }
    const hint = r.getByRole('button', { name: 'Show hint' });
    await hint.click();
    assert.equal(await r.locator('#lesson-hints li').count(), 1);
    await hint.click();
    assert.equal(await r.locator('#lesson-hints li').count(), 2);
    assert.deepEqual(problems, [], title);
    await p.close();
  }
});

test('a scripted student reaches every built-in goal, and the list remembers it', async () => {
  const { page } = await ctx.open('seed=1');
  const links = await lessonLinks(page);
  const results = [];
  for (const [i, { href, title }] of links.entries()) {
    const { student } = BUILTINS[i];
    // The student's change goes where the page writes a changed setting: into the setup.
    const [setup, lesson] = href.split(/&(?=lesson=)/);
    const { page: p } = await ctx.open(`${setup}${student ? `&${student}` : ''}&speed=fast&${lesson}`);
    await region(p).waitFor({ state: 'visible' });
    const started = Date.now();
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForFunction(() => /reached/.test(document.querySelector('[data-testid=lesson-status]').textContent),
      null, { timeout: 60_000 }).catch(() => {});
    const status = await p.getByTestId('lesson-status').textContent();
    results.push(`${title}: ${status} (${Date.now() - started} ms)`);
    assert.match(status, /Goal reached at epoch \d+/, `${title}: ${status}`);
    assert.match(await p.locator('#lesson-success').textContent(), /Well done! Goal reached at epoch \d+/);
    // Reached lessons are marked in the list (kept in this browser).
    await p.getByRole('button', { name: 'Lessons', exact: true }).click();
    const item = p.getByRole('navigation', { name: 'Lessons' }).getByRole('listitem').nth(i);
    assert.match(await item.textContent(), /✓ reached/);
    await p.close();
  }
  console.log(results.join('\n'));
});

test('changing the learning rate in the page makes the divergence lesson reach its goal', async () => {
  const { page } = await ctx.open('seed=1');
  const links = await lessonLinks(page);
  const large = links.find((l) => /lesson=lr-large/.test(l.href));
  const { page: p } = await ctx.open(`${large.href}&speed=fast`);
  await region(p).waitFor({ state: 'visible' });
  await p.getByLabel('Learning rate', { exact: true }).selectOption('10');
  await p.getByRole('button', { name: 'Play' }).click();
  await p.waitForFunction(() => /reached/.test(document.querySelector('[data-testid=lesson-status]').textContent), null, { timeout: 30_000 });
  assert.ok(await p.getByTestId('loss-notice').isVisible().catch(() => true));
  assert.match(p.url(), /lesson=lr-large/, 'the lesson stays in the link when the page rewrites it');
});

test('a teacher makes a lesson, and a fresh page opens the same lesson from its link', async () => {
  const { page, problems } = await ctx.open('data=xor&net=4&seed=3&lr=0.03');
  await page.getByRole('button', { name: 'Make a lesson' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a lesson' });
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByLabel('Title', { exact: true }).fill('Bend the line <b>now</b>');
  await dialog.getByLabel('Text', { exact: true }).fill('Use **one** hidden layer.\n\n- look\n- try');
  await dialog.getByLabel('Metric', { exact: true }).selectOption('testacc');
  await dialog.getByLabel('Comparison', { exact: true }).selectOption('ge');
  await dialog.getByLabel('Threshold', { exact: true }).fill('90');
  await dialog.getByLabel('Within epochs').fill('400');
  await dialog.getByLabel('At most hidden neurons').fill('4');
  await dialog.getByLabel('Hints (one per line)').fill('First hint\nSecond hint');
  await dialog.getByRole('checkbox', { name: 'Learning rate', exact: true }).check();
  await dialog.getByRole('checkbox', { name: 'Optimizer', exact: true }).check();
  const link = await dialog.getByLabel('Lesson link').inputValue();
  assert.ok(await dialog.getByLabel('Lesson link').getAttribute('readonly') !== null);
  assert.match(link, /lr_hide=1/);
  assert.match(link, /opt_hide=1/);
  assert.match(link, /&lesson=1\./);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'make-lesson', 'focus returns');

  const { page: p, problems: p2 } = await ctx.open(link.split('#')[1]);
  const r = region(p);
  await r.waitFor({ state: 'visible' });
  assert.equal(await r.getByRole('heading').first().textContent(), 'Bend the line <b>now</b>');
  assert.equal(await r.locator('#lesson-text strong').textContent(), 'one');
  assert.equal(await r.locator('#lesson-text li').count(), 2);
  assert.equal(await p.getByTestId('lesson-goal').textContent(),
    'Goal: Test accuracy at least 90 % with at most 4 hidden neurons within 400 epochs');
  assert.ok(await p.getByLabel('Learning rate', { exact: true }).isHidden());
  assert.ok(await p.getByLabel('Optimizer', { exact: true }).isHidden());
  await r.getByRole('button', { name: 'Show hint' }).click();
  await r.getByRole('button', { name: 'Show hint' }).click();
  assert.deepEqual(await r.locator('#lesson-hints li').allTextContents(), ['Hint 1: First hint', 'Hint 2: Second hint']);
  assert.ok(await r.getByRole('button', { name: 'No more hints' }).isDisabled());
  // The editor opened on a lesson starts from it.
  await p.getByRole('button', { name: 'Make a lesson' }).click();
  const d2 = p.getByRole('dialog', { name: 'Make a lesson' });
  assert.equal(await d2.getByLabel('Title', { exact: true }).inputValue(), 'Bend the line <b>now</b>');
  assert.equal(await d2.getByLabel('Hints (one per line)').inputValue(), 'First hint\nSecond hint');
  assert.deepEqual([...problems, ...p2], []);
});

test('hostile lesson links give a notice, show markup as text and run nothing', async () => {
  const { page } = await ctx.open('data=circle&seed=4');
  await page.getByRole('button', { name: 'Make a lesson' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a lesson' });
  await dialog.getByLabel('Title', { exact: true }).fill('<img src=x onerror="window.__pwned=1">');
  await dialog.getByLabel('Text', { exact: true }).fill(`<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=1">\n\n${'long text '.repeat(10_000)}`);
  await dialog.getByLabel('Metric', { exact: true }).selectOption('testloss');
  await dialog.getByLabel('Threshold', { exact: true }).fill('0.1');
  const link = (await dialog.getByLabel('Lesson link').inputValue()).split('#')[1];
  await page.keyboard.press('Escape');

  const cases = [
    // 100 kB of text with markup: cut to 20,000 characters, markup shown as text.
    { hash: link, notice: /the text has 100\d\d\d characters; only the first 20000 are shown/ },
    // A lesson that does not unpack.
    { hash: 'data=xor&seed=2&lesson=1.%3Cscript%3Ealert(1)%3C%2Fscript%3E', notice: /the lesson cannot be read/ },
    // Not a lesson at all.
    { hash: 'data=xor&seed=2&lesson=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', notice: /is not a lesson/ },
  ];
  for (const { hash, notice } of cases) {
    const { page: p, problems } = await ctx.open(hash);
    let dialogs = 0;
    p.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const n = p.getByTestId('lesson-notice');
    await n.waitFor({ state: 'visible' });
    assert.match(await n.textContent(), notice);
    assert.equal(await p.evaluate(() => window.__pwned), undefined);
    assert.equal(await p.locator('#lesson-area script, #lesson-area img').count(), 0);
    assert.equal(dialogs, 0);
    // The setup still loads.
    assert.match(p.url(), /data=(circle|xor)/);
    assert.deepEqual(problems.filter((x) => !/favicon/.test(x)), []);
    await p.close();
  }
  const { page: p } = await ctx.open(link);
  await region(p).waitFor({ state: 'visible' });
  assert.match(await region(p).getByRole('heading').first().textContent(), /<img src=x onerror/);
  assert.match(await p.locator('#lesson-text').textContent(), /<script>window.__pwned=1<\/script>/);
  // A goal field that does not read and an unknown key: named; the title, text and hints kept.
  const packed = zlib.deflateRawSync(Buffer.from('t=Kept&x=Text+kept&h=hint&zz=1&gm=testloss&gc=lt&gv=abc')).toString('base64url');
  const { page: q } = await ctx.open(`data=xor&seed=2&lesson=1.${packed}`);
  const n = q.getByTestId('lesson-notice');
  await n.waitFor({ state: 'visible' });
  assert.match(await n.textContent(), /unknown key “zz” ignored/);
  assert.match(await n.textContent(), /goal field gv=“abc” is not valid/);
  assert.equal(await region(q).getByRole('heading').first().textContent(), 'Kept');
  assert.match(await q.getByTestId('lesson-goal').textContent(), /no goal/);
});

test('the QR code dialog shows an SVG of the current link with the link under it', async () => {
  const { page, problems } = await ctx.open('data=xor&seed=2');
  await page.getByRole('button', { name: 'QR code' }).click();
  const dialog = page.getByRole('dialog', { name: 'QR code of this link' });
  await dialog.waitFor({ state: 'visible' });
  const svg = dialog.locator('svg');
  await svg.waitFor();
  const box = await svg.boundingBox();
  assert.ok(box.width >= 300 && box.height >= 300, `${box.width}×${box.height}`);
  assert.equal(await dialog.locator('#qr-link').textContent(), page.url());
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'qr-code');
  assert.deepEqual(problems, []);
});
