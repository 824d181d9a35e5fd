// The service worker: after one visit the page, its samples, lessons,
// translations and lazy modules (search, export) work offline. The page
// registers it once it trains (index.html), so the first load is not slowed.
// scripts/sw-build.mjs (Trunk's post-build hook) writes BUILD below: every
// file of the build and a hash of their contents. A new build therefore
// changes this file's bytes; the browser installs the new worker, which
// precaches into its own cache, takes over at once and deletes the caches of
// older builds of this copy of the page. Navigations: network first, the
// cached index.html when offline or the network is silent for 4 s; the built
// files: cache first.
const BUILD = { version: 'dev', files: [] };
// Several copies of the page may share an origin (folders of one static host): each has its scope.
const PREFIX = `nnplay ${self.registration.scope} `;
const CACHE = PREFIX + BUILD.version;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // no-cache: revalidated with the host, never a stale copy from the HTTP cache. The header
      // marks these requests as the background precache (tests/e2e/delivery.test.mjs leaves
      // them out of the first load).
      const headers = { 'X-Nnplay-Precache': BUILD.version };
      await cache.addAll(BUILD.files.map((f) => new Request(f, { cache: 'no-cache', headers })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** How long a navigation waits for the network before the cached page answers. */
const NAVIGATION_WAIT_MS = 4000;

// Pages of a newer build than this worker's (the network sent another index.html than the
// cached one), by client id: until the new build's worker takes over (seconds), their files
// come from the network, so that a new page never loads an old lazy module (teach.js, search.js,
// export.js and the translations keep their names from build to build).
const newer = new Set();

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else if (newer.has(event.clientId)) {
    event.respondWith(fetch(request).catch(async () => (await cached(request)) || Response.error()));
  } else {
    event.respondWith(cached(request).then((hit) => hit || fetch(request)));
  }
});

const cached = (request) => caches.open(CACHE).then((c) => c.match(request));

/** Network first, so a new build shows at once; the cached page when the network fails, or when
 *  it has said nothing for NAVIGATION_WAIT_MS (bad Wi-Fi in a classroom), else its late answer. */
async function navigate(event) {
  const request = event.request;
  let fromNetwork = false;
  const network = fetch(request).then((r) => {
    fromNetwork = true;
    return r;
  });
  network.catch(() => {}); // a late failure after the cached page answered
  const offline = async () => (await cached(request)) || (await cached('index.html'));
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(resolve, NAVIGATION_WAIT_MS);
  });
  try {
    const response = await Promise.race([network, slow.then(offline).then((page) => page || network)]);
    if (fromNetwork) event.waitUntil(markNewer(response.clone(), event.resultingClientId));
    return response;
  } catch {
    return (await offline()) || Response.error();
  } finally {
    clearTimeout(timer);
  }
}

async function markNewer(response, client) {
  const old = await cached('index.html');
  if (old && (await response.text()) !== (await old.text())) newer.add(client);
}
