// Registers the offline service worker (docs/performance.md) after the page has loaded, then asks
// it to save this page, the leaflet it links to (data-save-offline) and the files already loaded.
// Without service workers nothing happens: the site works the same.
// It is also the one module of every page, so it carries the search box's warm-up (issue 13).
import { SERVICE_WORKER_PATH } from '../lib/offline-paths.ts';
import { warmSearchOnFocus } from './search-warmup.ts';

warmSearchOnFocus(document.querySelector<HTMLInputElement>('#site-search'));

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
