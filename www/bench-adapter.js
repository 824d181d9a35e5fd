// The peer runner's adapter (../shared/bench/peers, README "Plugging in a project"):
// trains with the very wasm the playground runs (the page and its training worker
// share one module; its BenchModel class wraps the core's train_epoch and forward pass).
export const info = {
  name: 'nnplay',
  version: '0.1.0',
  precision: 'f32',
  notes: 'Rust core (crates/kernels: network.rs, epoch.rs, optimizer.rs) in the playground wasm, SIMD128, one thread',
};

// The glue's file name carries Trunk's content hash: scripts/bench-glue.mjs
// writes it here after each build (the build fails if it cannot).
const GLUE = './app.js';

let glue = null;

export async function setup(ctx) {
  const base = new URL('./', ctx && ctx.baseUrl ? ctx.baseUrl : import.meta.url);
  const wasm = GLUE.replace(/\.js$/, '_bg.wasm');
  glue = await import(new URL(GLUE, base).href);
  // This page has no <body data-nnplay>, so the module's start function starts
  // neither the playground nor a training shell.
  await glue.default({ module_or_path: new URL(wasm, base) });
  return { wasm, simd128: true };
}

export function createModel(spec) {
  const o = spec.optimizer;
  const m = new glue.BenchModel(
    Uint32Array.from(spec.layers),
    spec.hiddenActivation,
    spec.outputActivation,
    spec.loss,
    o.type,
    o.lr,
    o.beta1 ?? 0.9,
    o.beta2 ?? 0.999,
    o.epsilon ?? 1e-7,
    spec.batchSize
  );
  spec.weights.forEach((w, l) => m.set_layer(l, w, spec.biases[l]));
  m.set_train(spec.trainX, spec.trainY);
  return {
    trainEpochs: (k) => m.train_epochs(k),
    predict: (x, n) => m.predict(x, n),
    dispose: () => m.free(),
  };
}
