// Trunk post-build hook: bench-adapter.js imports the playground's wasm-bindgen
// glue, whose file name carries Trunk's content hash. Write that name into the
// adapter's GLUE constant, taken from the boot script's fetch of the glue (glue-once.mjs).
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('bench-glue: TRUNK_STAGING_DIR is not set (run as a Trunk hook or pass the dist folder)');
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const glue = html.match(/fetch\('\.\/(app(?:-[0-9a-f]+)?\.js)'/);
if (!glue) throw new Error("bench-glue: no fetch of the app glue in index.html's boot script");
const file = path.join(dir, 'bench-adapter.js');
const adapter = fs.readFileSync(file, 'utf8');
const written = adapter.replace(/^const GLUE = '[^']*';$/m, `const GLUE = './${glue[1]}';`);
if (written === adapter && !adapter.includes(`'./${glue[1]}'`)) throw new Error('bench-glue: no GLUE constant in bench-adapter.js');
fs.writeFileSync(file, written);
console.log(`bench-glue: bench-adapter.js imports ./${glue[1]}`);
