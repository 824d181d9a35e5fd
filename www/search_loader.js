// Loads the search panel's module (src/bin/search, built by Trunk as search.js
// and search_bg.wasm) into the page. The page inserts this script when Search is
// first opened, after putting what the panel needs into globalThis.nnplaySearchBoot
// (the page's glue URL and compiled module, for the trial workers). A failure is
// rethrown outside the promise so that it reaches the console and the page's
// error handler.
import init from './search.js';

// The panels' styles (www/panels.css) are not in the first load either.
if (!document.querySelector('link[href="panels.css"]')) {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = 'panels.css';
  document.head.append(css);
}

// The panel's markup (www/search_panel.html) goes in before the module starts, which fills it.
const markup = fetch(new URL('search_panel.html', import.meta.url)).then((r) => {
  if (!r.ok) throw new Error(`search_panel.html: HTTP ${r.status}`);
  return r.text();
});
markup
  .then((html) => {
    if (!document.getElementById('search-panel')) {
      document.getElementById('explain').insertAdjacentHTML('beforebegin', html);
    }
    return init({ module_or_path: new URL('search_bg.wasm', import.meta.url) });
  })
  .catch((e) => {
    setTimeout(() => {
      throw e;
    });
  });
