// Loads the lessons' module (src/bin/teach, built by Trunk as teach.js and
// teach_bg.wasm) into the page. The page inserts this script when Lessons, Make
// a lesson or QR code is first clicked, or a link carries a lesson, after
// putting the clicked button's id into globalThis.nnplayTeachBoot.first. A
// failure is rethrown outside the promise so that it reaches the console and
// the page's error handler.
import init from './teach.js';

// The panels' styles (www/panels.css) are not in the first load either.
if (!document.querySelector('link[href="panels.css"]')) {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = 'panels.css';
  document.head.append(css);
}

init({ module_or_path: new URL('teach_bg.wasm', import.meta.url) }).catch((e) => {
  setTimeout(() => {
    throw e;
  });
});
