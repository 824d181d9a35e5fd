// A tiny static file server for dist/, used by the browser tests and the
// screenshot script (Trunk's own server is for development with live reload).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.csv': 'text/csv',
  '.json': 'application/json', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/** Serves `root` on 127.0.0.1 at a free port; resolves to { url, close, served, stall }:
 *  `served` lists every file sent ({ path, body, headers }: the request's headers), for
 *  measuring what a page downloads; a test may set `stall` to a function of the path that says
 *  which requests get no answer (a network that has gone silent). */
export function serve(root, { prefix = '/' } = {}) {
  const served = [];
  const handle = { served, stall: null };
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
    p = p.slice(prefix.length);
    if (p === '' || p.endsWith('/')) p += 'index.html';
    if (handle.stall?.(p)) return;
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403); res.end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      served.push({ path: p, body: data, headers: req.headers });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      handle.url = `http://127.0.0.1:${port}${prefix}`;
      // Stalled requests keep their connections open: close them too.
      handle.close = () => new Promise((r) => { server.close(r); server.closeAllConnections(); });
      resolve(handle);
    });
  });
}
