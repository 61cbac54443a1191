// The retirement worker (docs/offline.md, "Retiring the worker"). Deployed as sw.js (build with
// PP_RETIRE_WORKER=1), it replaces the caching worker at the next check, deletes the app's
// caches and unregisters itself. Open pages keep running; from their next load on, the app is
// fetched from the network like any page. It never reloads a page.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('partnership-planner-')) await caches.delete(key);
    }
    await self.registration.unregister();
  })());
});
