/**
 * `/sw.js`: the service worker of the offline mode (the `pwa` option, as Chirpy's). Pages and
 * files are kept as they are visited; a page is fetched fresh when the network answers and taken
 * from the cache when it does not. A new build is a new worker, which waits until the reader
 * chooses to reload (components/PwaUpdate.astro shows the notice).
 */
import type { APIRoute } from 'astro';
import config, { base } from 'virtual:chirpy/config';
import { buildTime } from '../utils/build-time.ts';
import { basePrefix } from '../utils/urls.ts';

export const GET: APIRoute = () => {
  const pwa = config.pwa;
  const prefix = basePrefix(base);
  const deny = pwa ? pwa.cache.denyPaths.map((path) => `${prefix}/${path.replace(/^\/+/, '')}`) : [];
  const settings = {
    cache: `chirpy-${buildTime().getTime().toString(36)}`,
    caching: Boolean(pwa && pwa.cache.enabled),
    deny,
  };
  const script = `const SETTINGS = ${JSON.stringify(settings)};
self.addEventListener('install', () => {});
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('chirpy-') && name !== SETTINGS.cache).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (!SETTINGS.caching || request.method !== 'GET' || url.origin !== location.origin) return;
  if (SETTINGS.deny.some((path) => url.pathname.startsWith(path))) return;
  const keep = (response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(SETTINGS.cache).then((cache) => cache.put(request, copy));
    }
    return response;
  };
  if (request.mode === 'navigate') {
    // Pages: fresh from the network when it answers, else as last seen.
    event.respondWith(fetch(request).then(keep, () => caches.match(request).then((hit) => hit || Response.error())));
    return;
  }
  // Files: from the cache when there, else fetched and kept.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then(keep)));
});
`;
  return new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
