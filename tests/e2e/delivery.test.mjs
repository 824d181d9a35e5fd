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
  const page = await context.newPage();
  // What the server sends (the worker imports the page's glue from a blob: URL, not from the server).
  ctx.server.served.length = 0;
  await page.goto(ctx.server.url);
  await page.waitForFunction(() => document.querySelector('[data-testid=train-loss]').dataset.value !== undefined);
  assert.equal(page.workers().length, 1, 'one training worker');
  // Once the page trains it registers its service worker (index.html), which then precaches the
  // whole build in the background for offline use: not what the page needs before it trains.
  // Those requests are the worker's script (Chromium sends `Service-Worker: script`) and the
  // precache (www/sw.js marks it with X-Nnplay-Precache); only they are left out.
  const background = (r) => r.headers['service-worker'] === 'script' || 'x-nnplay-precache' in r.headers;
  const loaded = ctx.server.served.filter((r) => !background(r));
  const wasm = loaded.filter((r) => r.path.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `wasm fetched: ${wasm.map((r) => r.path).join(', ')}`);
  const glue = loaded.filter((r) => /^app(-[0-9a-f]+)?\.js$/.test(r.path));
  assert.equal(glue.length, 1, `glue fetched: ${glue.map((r) => r.path).join(', ')}`);
  let total = 0;
  const sizes = [];
  for (const r of loaded) {
    const gz = zlib.gzipSync(r.body, { level: 9 }).length;
    total += gz;
    sizes.push(`/${r.path} ${gz}`);
  }
  assert.ok(total < BUDGET_GZIP, `first load ${total} bytes gzip:\n${sizes.join('\n')}`);
  console.log(`first load ${total} bytes gzip: ${sizes.join(', ')}`);
  await context.close();
});

/** The runner's semantics (bench/browser/README.md): consecutive minibatches, mean gradient;
 *  tanh or ReLU hidden layers; a tanh output with ½(o − t)² or a sigmoid output with binary
 *  cross-entropy; plain SGD or Adam (m̂ / (√v̂ + ε), both bias-corrected). In float64. */
function referenceTrain(spec, epochs) {
  const L = spec.layers.length - 1;
  const W = spec.weights.map((w) => Float64Array.from(w));
  const B = spec.biases.map((b) => Float64Array.from(b));
  const n = spec.nTrain;
  const relu = spec.hiddenActivation === 'relu';
  const hidden = (z) => (relu ? Math.max(0, z) : Math.tanh(z));
  const hiddenSlope = (a) => (relu ? (a > 0 ? 1 : 0) : 1 - a * a);
  const sigmoid = spec.outputActivation === 'sigmoid';
  const out = (z) => (sigmoid ? 1 / (1 + Math.exp(-z)) : Math.tanh(z));
  const o = spec.optimizer;
  const adam = o.type === 'adam';
  const moments = () => [W.map((w) => new Float64Array(w.length)), B.map((b) => new Float64Array(b.length))];
  const [mW, mB] = moments();
  const [vW, vB] = moments();
  let t = 0;
  const step = (p, g, m, v, k, batch) => {
    const grad = g[k] / batch;
    if (!adam) return (p[k] -= o.lr * grad);
    m[k] = o.beta1 * m[k] + (1 - o.beta1) * grad;
    v[k] = o.beta2 * v[k] + (1 - o.beta2) * grad * grad;
    const mh = m[k] / (1 - o.beta1 ** t), vh = v[k] / (1 - o.beta2 ** t);
    p[k] -= (o.lr * mh) / (Math.sqrt(vh) + o.epsilon);
  };
  const forward = (x) => {
    const acts = [x];
    for (let l = 0; l < L; l++) {
      const nIn = spec.layers[l], nOut = spec.layers[l + 1], a = [];
      for (let j = 0; j < nOut; j++) {
        let z = B[l][j];
        for (let i = 0; i < nIn; i++) z += W[l][j * nIn + i] * acts[l][i];
        a.push(l === L - 1 ? out(z) : hidden(z));
      }
      acts.push(a);
    }
    return acts;
  };
  for (let e = 0; e < epochs; e++) {
    for (let start = 0; start < n; start += spec.batchSize) {
      const end = Math.min(n, start + spec.batchSize);
      const gW = W.map((w) => new Float64Array(w.length));
      const gB = B.map((b) => new Float64Array(b.length));
      for (let s = start; s < end; s++) {
        const acts = forward([spec.trainX[2 * s], spec.trainX[2 * s + 1]]);
        // Sigmoid with cross-entropy: δ = o − t; ½(o − t)² with tanh: δ = (o − t)(1 − o²).
        let delta = acts[L].map((y) => (sigmoid ? y - spec.trainY[s] : (y - spec.trainY[s]) * (1 - y * y)));
        for (let l = L - 1; l >= 0; l--) {
          const nIn = spec.layers[l], nOut = spec.layers[l + 1];
          const back = new Array(nIn).fill(0);
          for (let j = 0; j < nOut; j++) {
            gB[l][j] += delta[j];
            for (let i = 0; i < nIn; i++) {
              gW[l][j * nIn + i] += delta[j] * acts[l][i];
              back[i] += W[l][j * nIn + i] * delta[j];
            }
          }
          delta = back.map((d, i) => d * hiddenSlope(acts[l][i]));
        }
      }
      t += 1;
      for (let l = 0; l < L; l++) {
        for (let k = 0; k < W[l].length; k++) step(W[l], gW[l], mW[l], vW[l], k, end - start);
        for (let k = 0; k < B[l].length; k++) step(B[l], gB[l], mB[l], vB[l], k, end - start);
      }
    }
  }
  return (x, k) => Array.from({ length: k }, (_, s) => forward([x[2 * s], x[2 * s + 1]])[L][0]);
}

/** Trains `spec` through bench-adapter.js in a page that is not the playground; predictions before and after. */
async function adapterRun(spec, epochs) {
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
  const run = await page.evaluate(
    async ({ spec, epochs }) => {
      const adapter = await import('./bench-adapter.js');
      const setupInfo = await adapter.setup({ baseUrl: new URL('./', location.href).href, options: {}, crossOriginIsolated: false });
      let seed = 12345;
      const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
      const layers = spec.layers;
      spec.weights = layers.slice(1).map((n, l) => Float32Array.from({ length: n * layers[l] }, () => rand() * 0.5));
      spec.biases = layers.slice(1).map((n) => Float32Array.from({ length: n }, () => 0.1));
      spec.trainX = Float32Array.from({ length: 2 * spec.nTrain }, () => rand() * 5);
      const [neg, pos] = spec.outputActivation === 'sigmoid' ? [0, 1] : [-1, 1];
      spec.trainY = Float32Array.from({ length: spec.nTrain }, (_, s) => (spec.trainX[2 * s] * spec.trainX[2 * s + 1] >= 0 ? pos : neg));
      const plain = JSON.parse(JSON.stringify({ ...spec, weights: spec.weights.map((w) => [...w]), biases: spec.biases.map((b) => [...b]), trainX: [...spec.trainX], trainY: [...spec.trainY] }));
      const model = await adapter.createModel(spec);
      const probe = Float32Array.from({ length: 40 }, () => rand() * 5);
      const before = [...(await model.predict(probe, 20))];
      await model.trainEpochs(epochs);
      const after = [...(await model.predict(probe, 20))];
      model.dispose?.();
      return { setupInfo, plain, probe: [...probe], before, after, started: !!document.querySelector('[data-testid=epoch]') };
    },
    { spec, epochs },
  );
  assert.match(run.setupInfo.wasm, /^\.\/app-[0-9a-f]+_bg\.wasm$/);
  assert.equal(run.started, false);
  assert.equal(page.workers().length, 0, 'no training worker outside the playground page');
  assert.deepEqual(problems, []);
  await page.close();
  return run;
}

function assertTrainsLikeTheReference(run, epochs, tolerance) {
  const untrained = referenceTrain(run.plain, 0)(run.probe, 20);
  const trained = referenceTrain(run.plain, epochs)(run.probe, 20);
  for (let s = 0; s < 20; s++) {
    assert.ok(Math.abs(run.before[s] - untrained[s]) < 1e-5, `before, sample ${s}: ${run.before[s]} vs ${untrained[s]}`);
    assert.ok(Math.abs(run.after[s] - trained[s]) < tolerance, `after ${epochs} epochs, sample ${s}: ${run.after[s]} vs ${trained[s]}`);
  }
  const moved = run.after.reduce((m, v, s) => Math.max(m, Math.abs(v - run.before[s])), 0);
  assert.ok(moved > 0.05, `training moved the predictions by ${moved}`);
}

test('bench-adapter.js trains with the playground wasm like the reference MLP', async () => {
  const spec = {
    workload: 'W1', layers: [2, 4, 2, 1], hiddenActivation: 'tanh', outputActivation: 'tanh', loss: 'mse_half',
    optimizer: { type: 'sgd', lr: 0.03 }, batchSize: 10, nTrain: 250,
  };
  assertTrainsLikeTheReference(await adapterRun(spec, 20), 20, 1e-4);
});

test('bench-adapter.js trains a ReLU network with Adam and cross-entropy (as W3 and W4) like the reference', async () => {
  const spec = {
    workload: 'W4', layers: [2, 16, 16, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', loss: 'bce',
    optimizer: { type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, batchSize: 16, nTrain: 256,
  };
  // Adam amplifies float32 against float64 differences a little; 3 epochs = 48 steps.
  assertTrainsLikeTheReference(await adapterRun(spec, 3), 3, 2e-3);
});

