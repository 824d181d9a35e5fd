// Loads the export module (src/bin/export, built by Trunk as export.js and
// export_bg.wasm) into the page. The page inserts this script when Save model,
// Open model, Export or Open link is first clicked (or a model file is
// dropped), after putting what the module needs into globalThis.nnplayExportBoot:
// `first` (the button clicked), `state()` (the page's run), `open()` (opens
// the model file the module left in `opening`) and `file` (a dropped model file).
// A failure is rethrown outside the promise so that it reaches the console and
// the page's error handler.
import init from './export.js';

if (!document.querySelector('link[href="panels.css"]')) {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = 'panels.css';
  document.head.append(css);
}

init({ module_or_path: new URL('export_bg.wasm', import.meta.url) }).catch((e) => {
  setTimeout(() => {
    throw e;
  });
});
