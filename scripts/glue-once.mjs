// Trunk post-build hook: the page and its training worker run the same
// wasm-bindgen glue. Trunk's boot script imports it by URL and the worker
// imports that URL again, a second download wherever the host forbids caching
// (about 9 kB gzip of the first load's 350 kB budget). Instead the boot script
// fetches the glue once (checked against Trunk's integrity hash), imports it
// from a blob: URL, and the worker imports that same blob: URL (the glue's
// import.meta.url, GLUE_URL in src/web/app/worker_link.rs): no second request.
// The modulepreload link goes (it would be the first of two requests); the
// glue's name moves into the boot script, where bench-glue.mjs reads it.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('glue-once: TRUNK_STAGING_DIR is not set (run as a Trunk hook or pass the dist folder)');
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');

const preload = html.match(/<link\b(?=[^>]*\brel="?modulepreload"?)[^>]*>/);
if (!preload) throw new Error('glue-once: no modulepreload link to the app glue in index.html');
const href = preload[0].match(/\bhref="?\.\/(app(?:-[0-9a-f]+)?\.js)/);
const integrity = preload[0].match(/\bintegrity="?(sha\d+-[A-Za-z0-9+/=]+)/);
if (!href) throw new Error('glue-once: the modulepreload link has no app glue href');
const glue = href[1];

const boot = /<script type="?module"?>\s*import init, \* as bindings from '\.\/(app(?:-[0-9a-f]+)?\.js)';/;
const m = html.match(boot);
if (!m || m[1] !== glue) throw new Error("glue-once: Trunk's boot script does not import the app glue as expected");
const options = integrity ? `, { integrity: '${integrity[1]}' }` : '';
html = html.replace(
  boot,
  `<script type=module>const glueResponse = await fetch('./${glue}'${options});
if (!glueResponse.ok) throw new Error('./${glue}: HTTP ' + glueResponse.status);
const glueUrl = URL.createObjectURL(new Blob([await glueResponse.text()], { type: 'text/javascript' }));
const bindings = await import(glueUrl);
const init = bindings.default;`,
);
html = html.replace(preload[0], '');
// The CSP: the glue is imported from a blob: URL the boot script made.
html = html.replace(/script-src 'self'/, (s) => `${s} blob:`);
fs.writeFileSync(file, html);
console.log(`glue-once: the page and its worker import ./${glue} once, from a blob: URL`);
