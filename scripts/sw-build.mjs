// Trunk post-build hook, the last step (it hashes the other steps' output):
// writes the build into dist/sw.js (www/sw.js): the list of every file of the
// build, for the service worker to precache, and a hash of their names and
// contents and of the worker's own code as the build's version. A new build therefore changes sw.js's
// bytes, which is what makes browsers install the new service worker.
// Idempotent: run it again on a changed dist folder and sw.js follows.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('sw-build: TRUNK_STAGING_DIR is not set (run as a Trunk hook or pass the dist folder)');
const sw = path.join(dir, 'sw.js');
const walk = (d) => fs.readdirSync(path.join(dir, d), { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(path.posix.join(d, e.name)) : [path.posix.join(d, e.name)]));
const files = walk('').filter((f) => f !== 'sw.js').sort();
const text = fs.readFileSync(sw, 'utf8');
const line = /^const BUILD = .*;$/m;
if (!line.test(text)) throw new Error('sw-build: no `const BUILD = …;` line in sw.js');
// The worker's own code counts too (without the line this step writes).
const hash = crypto.createHash('sha256').update(text.replace(line, '')).update('\0');
for (const f of files) hash.update(`${f}\0`).update(fs.readFileSync(path.join(dir, f))).update('\0');
const version = hash.digest('hex').slice(0, 16);
const build = `const BUILD = ${JSON.stringify({ version, files: files.map(encodeURI) })};`;
fs.writeFileSync(sw, text.replace(line, build));
console.log(`sw-build: sw.js precaches ${files.length} files, build ${version}`);
