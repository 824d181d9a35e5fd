// Starts the training worker: loads wasm-bindgen's no-modules glue, then the wasm.
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' });
