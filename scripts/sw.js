// Podwire's service worker: after the first visit the app (Monaco and its workers, the engine)
// opens without a network. The build (scripts/sw-plugin.ts) replaces the two values below.
// Every precached file is served from this build's cache; a new deployment brings a new
// sw.js, whose install fills a new cache and whose activate deletes the old ones.

const VERSION = '__PODWIRE_VERSION__';
const ASSETS = /* __PODWIRE_ASSETS__ */ [];
const CACHE = `podwire-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('podwire-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Any page of the app (a link's ?query included) is the one index.html.
  const key = request.mode === 'navigate' ? new URL('./index.html', self.registration.scope).href : request;
  event.respondWith(
    caches
      .open(CACHE)
      // ignoreVary: a server's `Vary: Origin` would otherwise miss for module scripts, which
      // carry an Origin header the precache requests did not.
      .then((cache) => cache.match(key, { ignoreSearch: request.mode === 'navigate', ignoreVary: true }))
      .then((hit) => hit ?? fetch(request)),
  );
});
