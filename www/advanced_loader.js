// Loads the advanced module (src/bin/advanced, built by Trunk as advanced.js
// and advanced_bg.wasm) into the page. The page inserts this script when the
// advanced panel is first touched or its setup has advanced keys, after
// putting into globalThis.nnplayAdvancedBoot: `state()` (the page's run),
// `set(keys)` (the setup's advanced keys) and `ready(glue, module)` (the
// module's glue URL and compiled module, for the worker that trains with it).
// A failure is rethrown outside the promise so that it reaches the console
// and the page's error handler.
import init from './advanced.js';

if (!document.querySelector('link[href="panels.css"]')) {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = 'panels.css';
  document.head.append(css);
}

init({ module_or_path: new URL('advanced_bg.wasm', import.meta.url) }).catch((e) => {
  setTimeout(() => {
    throw e;
  });
});
