// The page survives what a workshop of thirty people will try: hostile links,
// a dying worker, click storms and long runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, epoch, epochAbove, stepOnce } from './helpers.mjs';

const ctx = suite();
const open = (...a) => ctx.open(...a);

test('hostile links open with defaults, bounded sizes and a notice, never running markup', async () => {
  const hostile = [
    'net=1000000000,1000000000&seed=1',
    'net=-5,-1&lr=1e9&noise=-3&batch=99999999999999999999&seed=1',
    `${'k'.repeat(100)}=<img src=x onerror=alert(1)>&${Array.from({ length: 3000 }, (_, i) => `x${i}=${i}`).join('&')}`,
    `lr=${'9'.repeat(1_000_000)}`,
    'data=%E0%A4%A&in=%FF%FE&act=%3Cscript%3Ealert(1)%3C/script%3E&seed=abc',
  ];
  for (const hash of hostile) {
    const { page, problems } = await open(hash);
    assert.ok(await page.getByTestId('url-notice').isVisible(), `notice for ${hash.slice(0, 60)}`);
    assert.equal(await page.locator('#url-notice img, #url-notice script').count(), 0);
    const neurons = await page.locator('[data-testid^=neuron-]').count();
    assert.ok(neurons <= 8 * 16 + 1, `${neurons} neuron pictures`);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await stepOnce(page);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, [], hash.slice(0, 60));
    await page.close();
  }
});

test('a worker killed on purpose is replaced and the run goes on from where it was', async () => {
  const { page } = await open('seed=8&data=xor');
  for (let i = 0; i < 3; i++) await stepOnce(page);
  const hash = new URL(page.url()).hash;
  const [worker] = page.workers();
  assert.ok(worker, 'the page has a worker');
  await worker.evaluate(() => self.close()); // dies silently: only the heartbeat notices
  const notice = page.getByTestId('worker-notice');
  await notice.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await notice.textContent(), /stopped responding.*continuing from epoch 3/);
  assert.equal(new URL(page.url()).hash, hash, 'the setup is unchanged');
  assert.equal(await page.getByLabel('Dataset').inputValue(), 'xor');
  assert.equal(await stepOnce(page), 4, 'training resumes at the same epoch');
  await page.waitForFunction(() => true);
  assert.equal(page.workers().length, 1, 'exactly one worker');
  await page.close();
});

test('a worker that throws is replaced at once', async () => {
  const { page } = await open('seed=8');
  await stepOnce(page);
  const [worker] = page.workers();
  await worker.evaluate(() => setTimeout(() => { throw new Error('boom from the test'); }, 0));
  const notice = page.getByTestId('worker-notice');
  await notice.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await notice.textContent(), /boom from the test/);
  await page.getByRole('button', { name: 'Play' }).click();
  await epochAbove(page, 5);
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.equal(page.workers().length, 1);
  await page.close();
});

test('a postMessage that throws while the page handles a click is a crash, recovered, not a panic', async () => {
  const { page } = await open('seed=8&data=xor');
  for (let i = 0; i < 2; i++) await stepOnce(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // The next postMessage from the page to its worker throws, as it does for a broken worker.
  // It runs inside the page's loop (the click's update posts Step), which used to borrow the
  // app a second time and panic.
  await page.evaluate(() => {
    const original = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function () {
      Worker.prototype.postMessage = original;
      throw new DOMException('refused by the test', 'DataCloneError');
    };
  });
  await page.getByRole('button', { name: 'Step' }).click();
  const notice = page.getByTestId('worker-notice');
  await notice.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await notice.textContent(), /could not reach it.*continuing from epoch 2/);
  assert.equal(await stepOnce(page), 3, 'the new worker goes on from the last drawn epoch');
  assert.equal(page.workers().length, 1, 'exactly one worker');
  assert.deepEqual(errors.filter((e) => /panicked|BorrowMutError|unreachable/.test(e)), []);
  await page.close();
});

test('a click storm leaves one worker, the last setup, and fresh pictures', async () => {
  const { page, problems } = await open('seed=31');
  await page.evaluate(async () => {
    const fire = (id, value) => {
      const el = document.getElementById(id);
      el.value = value;
      el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    };
    const play = document.getElementById('play');
    const reset = document.getElementById('reset');
    const datasets = ['circle', 'xor', 'gauss', 'spiral'];
    for (let i = 0; i < 400; i++) {
      fire('noise', String((i * 5) % 55));
      fire('learning-rate', ['0.01', '0.03', '0.1', '0.3'][i % 4]);
      if (i % 7 === 0) fire('dataset', datasets[i % 4]);
      if (i % 3 === 0) play.click();
      if (i % 11 === 0) reset.click();
      if (i % 13 === 0) document.getElementById(i % 2 ? 'add-layer' : 'remove-layer').click();
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    fire('dataset', 'gauss');
    fire('noise', '10');
    fire('learning-rate', '0.03');
  });
  const hash = new URL(page.url()).hash;
  assert.match(hash, /data=gauss/);
  assert.match(hash, /noise=10/);
  assert.match(hash, /lr=0\.03/);
  assert.equal(page.workers().length, 1);
  // Not stuck: Play trains, Pause stops.
  const playing = await page.getByRole('button', { name: 'Pause' }).count();
  if (playing) await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]').textContent === '0');
  await page.getByRole('button', { name: 'Play' }).click();
  await epochAbove(page, 20);
  await page.getByRole('button', { name: 'Pause' }).click();
  const losses = await page.getByTestId('test-loss').getAttribute('data-value');
  assert.ok(Number(losses) < 0.5, `gauss trains after the storm (test loss ${losses})`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a short soak at full speed keeps memory flat', async () => {
  const { page } = await open('seed=5&data=spiral&net=8,8,8,8,8,8&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&speed=full');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(2000); // warm-up: buffers and caches reach their size
  const heap = () => page.evaluate(() => performance.memory.usedJSHeapSize);
  // The app's wasm memory (Trunk hands the instance to the TrunkApplicationStarted event).
  const wasmBytes = () => page.evaluate(() => window.__nnplayWasm.memory.buffer.byteLength);
  const wasmStart = await wasmBytes();
  const cdp = await page.context().newCDPSession(page);
  const gcHeap = async () => { await cdp.send('HeapProfiler.collectGarbage'); return heap(); };
  const start = await gcHeap();
  const e0 = await epoch(page);
  await page.waitForTimeout(Number(process.env.NNPLAY_SOAK_MS || 12_000));
  const end = await gcHeap();
  const e1 = await epoch(page);
  const wasmEnd = await wasmBytes();
  await page.getByRole('button', { name: 'Pause' }).click();
  const growth = end - start;
  console.log(`soak: ${e1 - e0} epochs, JS heap ${(start / 1e6).toFixed(2)} MB -> ${(end / 1e6).toFixed(2)} MB, `
    + `app wasm memory ${(wasmStart / 1e6).toFixed(2)} MB -> ${(wasmEnd / 1e6).toFixed(2)} MB`);
  assert.ok(e1 > e0);
  assert.equal(wasmEnd, wasmStart, 'the app\'s wasm memory did not grow');
  assert.ok(growth < 2e6, `JS heap grew by ${(growth / 1e6).toFixed(2)} MB during the soak`);
  await page.close();
});
