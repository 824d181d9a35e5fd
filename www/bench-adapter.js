// The peer runner's adapter (../shared/bench/peers, README "Plugging in a project"):
// trains with the very wasm the playground's worker runs (worker.js + worker_bg.wasm,
// whose BenchModel class wraps the core's train_epoch and forward pass).
export const info = {
  name: 'nnplay',
  version: '0.1.0',
  precision: 'f32',
  notes: 'Rust core (src/network.rs, epoch.rs, optimizer.rs) in the worker wasm, SIMD128, one thread',
};

let glue = null;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('failed to load ' + src));
    document.head.appendChild(s);
  });
}

export async function setup(ctx) {
  const base = new URL('./', ctx && ctx.baseUrl ? ctx.baseUrl : import.meta.url);
  // wasm-bindgen's no-modules glue declares a global `wasm_bindgen` (a script-scope `let`).
  await loadScript(new URL('worker.js', base).href);
  // eslint-disable-next-line no-undef
  glue = wasm_bindgen;
  await glue({ module_or_path: new URL('worker_bg.wasm', base) });
  return { wasm: 'worker_bg.wasm', simd128: true };
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
