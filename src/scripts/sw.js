// Bản Số offline service worker (issue 5; docs/performance.md). Hand-written, no library.
// The build (src/integrations/service-worker.ts) puts `const CONFIG = {version, offline, precache}`
// and sitePath/pageAssets (src/scripts/sw-paths.js) above this file and writes it to /sw.js. Rules:
// - pages: network first; after TIMEOUT ms (or when the network fails) the saved copy, else the
//   offline page. Every page read online is saved; only the last MAX_PAGES are kept.
// - /_astro/ files (hashed names, never change) and Pagefind's engine: cache first.
// - everything lives in caches named after this build's version; a new version deletes the old
//   caches when it activates, so old HTML is never served with new assets or the other way round.
// - except campaigns and topics a reader saved to read without signal (issue 27; the page's
//   "Lưu để đọc khi mất sóng" fills one cache CONFIG.savedPrefix + id, with the leaflet pictures
//   if the reader chose them): kept until the reader removes them on the offline page, answered
//   when the network fails, refreshed when read online.
/* global CONFIG, sitePath, pageAssets */
const PAGES = `${CONFIG.pagesPrefix}${CONFIG.version}`;
const ASSETS = `ban-so-assets-${CONFIG.version}`;
const MAX_PAGES = 50;
const MAX_ASSETS = 120;
const TIMEOUT = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => cache.addAll([CONFIG.offline, ...CONFIG.precache]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('ban-so-') && !name.startsWith(CONFIG.savedPrefix) && name !== PAGES && name !== ASSETS).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** Keeps the newest `max` entries of a cache (keys() lists them oldest first). */
async function trim(name, max) {
  const cache = await caches.open(name);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((key) => cache.delete(key)));
}

async function savePage(url, response) {
  // Read the whole body first: a connection lost halfway must not touch the saved copy.
  const body = await response.arrayBuffer();
  const cache = await caches.open(PAGES);
  // put() replaces an entry by appending it (Cache API spec): keys() stays oldest first.
  await cache.put(url, new Response(body, { headers: response.headers }));
  await trim(PAGES, MAX_PAGES);
}

/** The caches of saved campaigns. */
async function savedCaches() {
  return Promise.all((await caches.keys()).filter((name) => name.startsWith(CONFIG.savedPrefix)).map((name) => caches.open(name)));
}

/** A page in a saved campaign, if any. */
async function savedCopy(url) {
  for (const cache of await savedCaches()) {
    const hit = await cache.match(url);
    if (hit) return hit;
  }
  return undefined;
}

/** A page read online that is also in a saved campaign: its saved copy becomes this one. */
async function refreshSaved(url, response) {
  const body = await response.arrayBuffer();
  for (const cache of await savedCaches()) if (await cache.match(url)) await cache.put(url, new Response(body, { headers: response.headers }));
}

async function page(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const network = fetch(request).then((response) => {
    if (response.ok && response.type === 'basic') {
      savePage(url.href, response.clone()).catch(() => undefined);
      refreshSaved(url.href, response.clone()).catch(() => undefined);
    }
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, TIMEOUT));
  const saved = async () => (await caches.match(url.href, { cacheName: PAGES })) ?? (await savedCopy(url.href));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
    // Slow network: the saved copy now if there is one, else keep waiting.
    return (await saved()) ?? (await network);
  } catch {
    return (await saved()) ?? (await caches.match(CONFIG.offline, { cacheName: ASSETS })) ?? Response.error();
  }
}

async function asset(request) {
  const hit = await caches.match(request, { cacheName: ASSETS });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(ASSETS);
    await cache.put(request, response.clone());
    trim(ASSETS, MAX_ASSETS);
  }
  return response;
}

/**
 * Pagefind's engine (issue 13): its module, entry, metadata and wasm, kept once a reader has
 * searched, so the next search downloads no engine. They belong to this deployment's index and
 * live in this version's cache, which the next deployment deletes.
 */
function isSearchEngine(pathname) {
  return /^\/pagefind\/(pagefind\.js|pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|wasm\.[^/]+\.pagefind)$/.test(pathname);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  // The CMS (/admin/) is never saved or answered from a cache: an editor must see what is live.
  if (CONFIG.bypass.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/_astro/') || CONFIG.precache.includes(url.pathname) || isSearchEngine(url.pathname)) event.respondWith(asset(request));
  // A leaflet picture a reader saved with a campaign or topic (the share button fetches it): from the network, else the saved copy.
  else if (url.pathname.endsWith('.jpg')) event.respondWith(fetch(request).catch(async () => (await savedCopy(url.href)) ?? Response.error()));
  // Anything else (index chunks, result fragments, PDFs, link previews) goes to the network as usual.
});

// The registration module sends the page it runs on (read before the worker controlled it), its
// leaflet and the /_astro/ files the browser already loaded: save the ones not saved yet. Only
// this site's own paths (sitePath): a saved page never makes the worker fetch from another host.
self.addEventListener('message', (event) => {
  const { pages = [], assets = [] } = event.data ?? {};
  const own = (list) => (Array.isArray(list) ? list.map((path) => sitePath(path, location.origin)).filter(Boolean) : []);
  const needed = own(assets);
  event.waitUntil(
    (async () => {
      for (const path of own(pages)) {
        const url = new URL(path, location.origin).href;
        if (await caches.match(url, { cacheName: PAGES })) continue;
        const response = await fetch(url).catch(() => undefined);
        if (!response?.ok) continue;
        const html = await response.clone().text();
        await savePage(url, response);
        // Stylesheets and scripts the saved page needs (a leaflet's CSS, its print button).
        needed.push(...pageAssets(html, location.origin));
      }
      const cache = await caches.open(ASSETS);
      for (const path of new Set(needed)) {
        if (!(await cache.match(path))) await cache.add(path).catch(() => undefined);
      }
      await trim(ASSETS, MAX_ASSETS);
    })(),
  );
});
