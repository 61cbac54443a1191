// Partnership Planner's service worker (see docs/offline.md). The build (.ci/precache.mjs) writes
// it into dist/sw.js with two constants in front: VERSION (a hash of every file of the build) and
// FILES (their names). It keeps exactly those files in one cache, named for the version, and
// answers the app's own requests for them from there, so the app opens with no network.
//
// What it never does: cache or see plan data (the plan lives in localStorage, which a worker
// cannot read, and exports and imports are blobs and files, never requests), fetch anything but
// FILES, take over from an older version by itself (only when the page asks, after the user
// chose "Reload to update"), or reload a page.
/* global VERSION, FILES */
const CACHE = `partnership-planner-${VERSION}`;
const PREFIX = 'partnership-planner-';
const scope = () => new URL(self.registration.scope);
// The page itself is cached under the scope's own URL ("./").
const urlOf = (name) => new URL(name === 'index.html' ? './' : `./${name}`, scope()).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Revalidated, so no stale copy from the HTTP cache ends up in this version's cache.
    await cache.addAll(FILES.map((name) => new Request(urlOf(name), { cache: 'no-cache' })));
    // The page fetched must be this build's: it names this build's wasm. (A deployment landing
    // between fetching sw.js and the files would otherwise mix two builds; the install fails
    // and the browser tries again at its next check.)
    // (The main module; the lazily loaded parts, split_*.wasm and chunk_*.wasm, are named in it.)
    const wasm = FILES.find((name) => name.endsWith('_bg.wasm'));
    const page = await cache.match(urlOf('index.html'));
    if (wasm && !(await page.text()).includes(wasm)) {
      await caches.delete(CACHE);
      throw new Error('index.html is not the page of this build');
    }
  })());
});

// Once this version runs, the caches of earlier versions go.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page sends this when the user chose "Reload to update" (and the plan was saved).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const root = scope();
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return;
  const name = url.pathname.slice(root.pathname.length);
  let key;
  if (request.mode === 'navigate' && (name === '' || name === 'index.html')) {
    // The page, at either of its addresses (its routes are in the hash).
    key = urlOf('index.html');
  } else if (FILES.includes(name) && name !== 'index.html') {
    key = urlOf(name);
  } else {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(key)) ?? fetch(request);
  })());
});
