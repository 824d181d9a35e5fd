// A/B of two or more builds of the training core in Node.js (V8, as in Chromium):
//   node scripts/ab-node.mjs ROUNDS DIST_A DIST_B [DIST_C ...]
// Each DIST is a built dist/ folder (copy dist/ aside between builds). Every build's wasm
// is loaded into this one process and each workload runs on each build in turn, the
// order alternating per round, so that a busy machine slows all builds alike. It runs
// the benchmark's calls (BenchModel: W1-W4 training, R1 the 100 x 100 grid through the
// W2 network, the same data and initial weights as bench/browser) and times them in
// process CPU time, which another process's load disturbs far less than wall time.
// Each round first leaks a small model of a different size (PADS=0,3,7,13 by default),
// so that the buffers sit at other addresses: W1's speed depends on them by a few %.
// Prints, per build, the median and the minimum of each workload's time (ms) and their
// ratios to the first build (below 1 is faster). Two copies of one build agree within
// about 1 % on the minimum.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = path.dirname(new URL(import.meta.url).pathname);
const common = await import(pathToFileURL(path.join(here, '../bench/browser/web/common.js')).href);
// The module's start function looks for a page; give it a window without one.
globalThis.Window = Object;
globalThis.document = { body: null };

const rounds = Number(process.argv[2]);
const dists = process.argv.slice(3);
if (!(rounds > 0) || dists.length < 2) {
  console.error('usage: node scripts/ab-node.mjs ROUNDS DIST_A DIST_B [DIST_C ...]');
  process.exit(2);
}
const builds = [];
for (const d of dists) {
  const glue = fs.readdirSync(d).find((f) => /^app-.*\.js$/.test(f));
  const g = await import(pathToFileURL(path.resolve(d, glue)).href);
  g.initSync({ module: fs.readFileSync(path.resolve(d, glue.replace(/\.js$/, '_bg.wasm'))) });
  builds.push(g);
}

const data = common.makeSpiral();
const grid = common.makeGrid();
const pads = (process.env.PADS || '0,3,7,13').split(',').map(Number);
const leaked = [];
let pad = 0;

function model(g, name) {
  if (pad) {
    leaked.push(new g.BenchModel(Uint32Array.from([pad, 1]), 'tanh', 'tanh', 'mse_half', 'sgd', 0.1, 0.9, 0.999, 1e-7, 1));
  }
  const spec = common.makeSpec(name, data);
  const o = spec.optimizer;
  const m = new g.BenchModel(Uint32Array.from(spec.layers), spec.hiddenActivation, spec.outputActivation, spec.loss,
    o.type, o.lr, o.beta1 ?? 0.9, o.beta2 ?? 0.999, o.epsilon ?? 1e-7, spec.batchSize);
  spec.weights.forEach((w, l) => m.set_layer(l, w, spec.biases[l]));
  m.set_train(spec.trainX, spec.trainY);
  return m;
}

const epochs = { W1: 4000, W2: 800, W3: 100, W4: 15 };
const R1_REPS = 20;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const names = [...Object.keys(epochs), 'R1'];
const times = builds.map(() => Object.fromEntries(names.map((w) => [w, []])));

function measure(g, w) {
  if (w === 'R1') {
    const m = model(g, 'W2');
    m.train_epochs(common.WORKLOADS.W2.verifyEpochs);
    const t = cpuMs();
    for (let k = 0; k < R1_REPS; k++) m.predict(grid.x, grid.n);
    const ms = (cpuMs() - t) / R1_REPS;
    m.free();
    return ms;
  }
  const m = model(g, w);
  const t = cpuMs();
  m.train_epochs(epochs[w]);
  const ms = cpuMs() - t;
  m.free();
  return ms;
}

for (const g of builds) for (const w of names) measure(g, w); // warm-up: V8's optimising tier
for (let r = 0; r < rounds; r++) {
  pad = pads[r % pads.length];
  const order = r % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
  for (const w of names) for (const i of order) times[i][w].push(measure(builds[i], w));
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const min = (a) => Math.min(...a);
for (let i = 0; i < builds.length; i++) {
  const cells = names.map((w) => {
    const [md, mn] = [median(times[i][w]), min(times[i][w])];
    const [r0, m0] = [median(times[0][w]), min(times[0][w])];
    return `${w} ${md.toFixed(2)} (${(md / r0).toFixed(3)}) min ${mn.toFixed(2)} (${(mn / m0).toFixed(3)})`;
  });
  console.log(`${path.basename(path.resolve(dists[i]))}: ${cells.join(' | ')}`);
}
