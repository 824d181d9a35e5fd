// Trunk's one post-build hook. Trunk runs the hooks of a stage at the same
// time, and two of these steps rewrite index.html, so they run here in order:
// minify the glue (and update its integrity hash), fetch it once for the page
// and its worker (glue-once), allow the inline boot script
// by its hash in the CSP, point bench-adapter.js at the hashed glue, and last
// write the build's file list and content hash into sw.js (sw-build).
await import('./minify-glue.mjs');
await import('./glue-once.mjs');
await import('./csp-hash.mjs');
await import('./bench-glue.mjs');
await import('./sw-build.mjs');
