// Trunk post-build hook: minifies the wasm-bindgen glue (the JS module the
// page and its worker both load) with terser, and writes the new file's
// subresource-integrity hash into index.html. The glue is counted twice in the
// first load (page and worker), so this saves about 7 kB gzip of the 350 kB budget.
// Exported names are kept (bench-adapter.js and Trunk's boot script import them).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('minify-glue: TRUNK_STAGING_DIR is not set (run as a Trunk hook or pass the dist folder)');
const release = !process.env.TRUNK_PROFILE || process.env.TRUNK_PROFILE === 'release';
if (release) await minifyGlue();
else console.log('minify-glue: debug build, glue left as it is');

// Not process.exit in a debug build: scripts/post-build.mjs runs the next steps after this one.
async function minifyGlue() {
  const htmlFile = path.join(dir, 'index.html');
  let html = fs.readFileSync(htmlFile, 'utf8');
  const link = html.match(/<link[^>]*href="?\.\/(app(?:-[0-9a-f]+)?\.js)"?[^>]*>/);
  if (!link) throw new Error('minify-glue: no link to the app glue in index.html');
  const file = path.join(dir, link[1]);
  const source = fs.readFileSync(file, 'utf8');
  const before = crypto.createHash('sha384').update(source).digest('base64');
  const out = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    keep_classnames: true,
    format: { comments: false },
  });
  if (!out.code) throw new Error('minify-glue: terser returned no code');
  fs.writeFileSync(file, out.code);
  const after = crypto.createHash('sha384').update(out.code).digest('base64');
  const updated = html.split(`sha384-${before}`).join(`sha384-${after}`);
  if (html.includes(`sha384-${before}`) === false) throw new Error('minify-glue: the glue has no integrity hash in index.html to update');
  fs.writeFileSync(htmlFile, updated);
  console.log(`minify-glue: ${link[1]} ${source.length} -> ${out.code.length} bytes`);
}
