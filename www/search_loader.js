// Loads the search panel's module (src/bin/search, built by Trunk as search.js
// and search_bg.wasm) into the page. The page inserts this script when Search is
// first opened, after putting what the panel needs into globalThis.nnplaySearchBoot
// (the page's glue URL and compiled module, for the trial workers). A failure is
// rethrown outside the promise so that it reaches the console and the page's
// error handler.
import init from './search.js';

init({ module_or_path: new URL('search_bg.wasm', import.meta.url) }).catch((e) => {
  setTimeout(() => {
    throw e;
  });
});
