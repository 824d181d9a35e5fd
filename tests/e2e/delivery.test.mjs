// What the first load costs and what the benchmark adapter measures: one wasm
// for the page and its worker, under the download budget; the adapter trains
// with that wasm exactly like a reference implementation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { suite } from './helpers.mjs';

const ctx = suite();
const BUDGET_GZIP = 350_000; // bytes, issue 5: the whole first load under 350 kB gzip

test('page and worker share one wasm download, and the first load fits the gzip budget', async () => {
  const context = await ctx.browser.newContext();
  const loaded = [];
  context.on('response', async (r) => {
    loaded.push({ url: r.url(), body: r.body().catch(() => Buffer.alloc(0)) });
  });
  const page = await context.newPage();
  await page.goto(ctx.server.url);
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
  assert.equal(page.workers().length, 1, 'one training worker');
  const wasm = loaded.filter((r) => new URL(r.url).pathname.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `wasm fetched: ${wasm.map((r) => r.url).join(', ')}`);
  let total = 0;
  const sizes = [];
  for (const r of loaded) {
    const gz = zlib.gzipSync(await r.body, { level: 9 }).length;
    total += gz;
    sizes.push(`${new URL(r.url).pathname} ${gz}`);
  }
  assert.ok(total < BUDGET_GZIP, `first load ${total} bytes gzip:\n${sizes.join('\n')}`);
  await context.close();
});

/** The runner's semantics (bench/browser/README.md): consecutive minibatches, mean gradient, plain SGD. */
function referenceTrain(spec, epochs) {
  const L = spec.layers.length - 1;
  const W = spec.weights.map((w) => Float64Array.from(w));
  const B = spec.biases.map((b) => Float64Array.from(b));
  const n = spec.nTrain;
  for (let e = 0; e < epochs; e++) {
    for (let start = 0; start < n; start += spec.batchSize) {
      const end = Math.min(n, start + spec.batchSize);
      const gW = W.map((w) => new Float64Array(w.length));
      const gB = B.map((b) => new Float64Array(b.length));
      for (let s = start; s < end; s++) {
        const acts = [[spec.trainX[2 * s], spec.trainX[2 * s + 1]]];
        for (let l = 0; l < L; l++) {
          const nIn = spec.layers[l], nOut = spec.layers[l + 1], a = [];
          for (let o = 0; o < nOut; o++) {
            let z = B[l][o];
            for (let i = 0; i < nIn; i++) z += W[l][o * nIn + i] * acts[l][i];
            a.push(Math.tanh(z));
          }
          acts.push(a);
        }
        // ½(o − t)² with a tanh output: δ = (o − t)(1 − o²)
        let delta = acts[L].map((o) => (o - spec.trainY[s]) * (1 - o * o));
        for (let l = L - 1; l >= 0; l--) {
          const nIn = spec.layers[l], nOut = spec.layers[l + 1];
          const back = new Array(nIn).fill(0);
          for (let o = 0; o < nOut; o++) {
            gB[l][o] += delta[o];
            for (let i = 0; i < nIn; i++) {
              gW[l][o * nIn + i] += delta[o] * acts[l][i];
              back[i] += W[l][o * nIn + i] * delta[o];
            }
          }
          delta = back.map((d, i) => d * (1 - acts[l][i] * acts[l][i]));
        }
      }
      const m = end - start;
      for (let l = 0; l < L; l++) {
        for (let k = 0; k < W[l].length; k++) W[l][k] -= (spec.optimizer.lr * gW[l][k]) / m;
        for (let k = 0; k < B[l].length; k++) B[l][k] -= (spec.optimizer.lr * gB[l][k]) / m;
      }
    }
  }
  return (x, k) => {
    const out = [];
    for (let s = 0; s < k; s++) {
      let a = [x[2 * s], x[2 * s + 1]];
      for (let l = 0; l < L; l++) {
        const nIn = spec.layers[l], nOut = spec.layers[l + 1], next = [];
        for (let o = 0; o < nOut; o++) {
          let z = B[l][o];
          for (let i = 0; i < nIn; i++) z += W[l][o * nIn + i] * a[i];
          next.push(Math.tanh(z));
        }
        a = next;
      }
      out.push(a[0]);
    }
    return out;
  };
}

test('bench-adapter.js trains with the playground wasm like the reference MLP', async () => {
  const page = await ctx.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // A non-HTML document makes Chromium ask for /favicon.ico, which dist/ does not have.
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  // Any same-origin document without <body data-nnplay>: the playground must not start in it.
  await page.goto(`${ctx.server.url}bench-adapter.js`);
  const run = await page.evaluate(async () => {
    const adapter = await import('./bench-adapter.js');
    const setupInfo = await adapter.setup({ baseUrl: new URL('./', location.href).href, options: {}, crossOriginIsolated: false });
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
    const layers = [2, 4, 2, 1];
    const spec = {
      workload: 'W1', layers, hiddenActivation: 'tanh', outputActivation: 'tanh', loss: 'mse_half',
      optimizer: { type: 'sgd', lr: 0.03 }, batchSize: 10, nTrain: 250,
      weights: layers.slice(1).map((n, l) => Float32Array.from({ length: n * layers[l] }, () => rand() * 0.5)),
      biases: layers.slice(1).map((n) => Float32Array.from({ length: n }, () => 0.1)),
      trainX: Float32Array.from({ length: 500 }, () => rand() * 5),
    };
    spec.trainY = Float32Array.from({ length: 250 }, (_, s) => (spec.trainX[2 * s] * spec.trainX[2 * s + 1] >= 0 ? 1 : -1));
    const plain = JSON.parse(JSON.stringify({ ...spec, weights: spec.weights.map((w) => [...w]), biases: spec.biases.map((b) => [...b]), trainX: [...spec.trainX], trainY: [...spec.trainY] }));
    const model = await adapter.createModel(spec);
    const probe = Float32Array.from({ length: 40 }, () => rand() * 5);
    const before = [...(await model.predict(probe, 20))];
    await model.trainEpochs(20);
    const after = [...(await model.predict(probe, 20))];
    model.dispose?.();
    return { setupInfo, plain, probe: [...probe], before, after, started: !!document.querySelector('[data-testid=epoch]') };
  });
  assert.match(run.setupInfo.wasm, /^\.\/app-[0-9a-f]+_bg\.wasm$/);
  assert.equal(run.started, false);
  assert.equal(page.workers().length, 0, 'no training worker outside the playground page');
  const untrained = referenceTrain(run.plain, 0)(run.probe, 20);
  const trained = referenceTrain(run.plain, 20)(run.probe, 20);
  for (let s = 0; s < 20; s++) {
    assert.ok(Math.abs(run.before[s] - untrained[s]) < 1e-5, `before, sample ${s}: ${run.before[s]} vs ${untrained[s]}`);
    assert.ok(Math.abs(run.after[s] - trained[s]) < 1e-4, `after 20 epochs, sample ${s}: ${run.after[s]} vs ${trained[s]}`);
  }
  const moved = run.after.reduce((m, v, s) => Math.max(m, Math.abs(v - run.before[s])), 0);
  assert.ok(moved > 0.05, `training moved the predictions by ${moved}`);
  assert.deepEqual(problems, []);
  await page.close();
});
