// Registers the offline service worker (docs/performance.md) after the page has loaded, then asks
// it to save this page, the leaflet it links to (data-save-offline) and the files already loaded.
// Without service workers nothing happens: the site works the same.
import { SERVICE_WORKER_PATH } from '../lib/offline-paths.ts';

function register(): void {
  navigator.serviceWorker
    .register(SERVICE_WORKER_PATH)
    .then(() => navigator.serviceWorker.ready)
    .then((registration) =>
      registration.active?.postMessage({
        pages: [location.pathname, ...[...document.querySelectorAll('a[data-save-offline]')].map((a) => a.getAttribute('href'))],
        assets: performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name))
          .filter((url) => url.origin === location.origin && url.pathname.startsWith('/_astro/'))
          .map((url) => url.pathname),
      }),
    )
    .catch(() => undefined);
}

if ('serviceWorker' in navigator) {
  if (document.readyState === 'complete') register();
  else addEventListener('load', register);
}
