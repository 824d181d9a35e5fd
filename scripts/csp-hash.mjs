// Trunk post-build hook: Trunk boots the app with one small inline module
// script. Rather than loosening the Content-Security-Policy with
// 'unsafe-inline', allow exactly that script by its SHA-256 hash.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('csp-hash: TRUNK_STAGING_DIR is not set (run as a Trunk hook or pass the dist folder)');
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
const before = html;
html = html.replace(/script-src 'self'[^;"]*/, (src) => {
  const parts = src.split(/\s+/).filter((p) => !p.startsWith("'sha256-"));
  return [...parts, ...hashes].join(' ');
});
if (hashes.length && html === before) throw new Error('csp-hash: no script-src directive found in index.html');
fs.writeFileSync(file, html);
console.log(`csp-hash: allowed ${hashes.length} inline boot script(s) by hash`);
