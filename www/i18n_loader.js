// Fetches the page's other language for its wasm (src/web/l10n.rs), which
// inserts this script with data-lang and data-files when it needs them: the
// fetching stays out of the first download. Answers through
// globalThis.nnplayI18nDone with the files' texts, or with what failed.
(() => {
  const me = document.currentScript;
  const { lang, files } = me.dataset;
  me.remove();
  const get = (f) => fetch(`i18n/${lang}/${f}`).then((r) => {
    if (!r.ok) throw new Error(`i18n/${lang}/${f}: HTTP ${r.status}`);
    return r.text();
  });
  Promise.all(files.split(',').map(get)).then(
    (texts) => globalThis.nnplayI18nDone(texts),
    (e) => globalThis.nnplayI18nDone(String(e && e.message ? e.message : e)),
  );
})();
