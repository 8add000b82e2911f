// The header's search box on every page: when it gets focus (never on page load: a reader who
// does not search fetches nothing from /pagefind/), fetch Pagefind's engine into the HTTP cache
// while the query is typed. The form is a plain GET to /tim-kiem/?q=…; that page then finds the
// module, entry, metadata and wasm cached and spends its round trips on the index itself.
import { engineFiles, type PagefindEntry } from '../lib/search/engine.ts';

export function warmSearchOnFocus(box: HTMLInputElement | null): void {
  box?.addEventListener(
    'focus',
    () => {
      const low = { priority: 'low' } as RequestInit;
      // pagefind.js and the entry in one round trip; the entry names the metadata and wasm.
      void fetch('/pagefind/pagefind.js', low).catch(() => undefined);
      void fetch('/pagefind/pagefind-entry.json', low)
        .then((response) => response.json() as Promise<PagefindEntry>)
        .then((entry) => {
          const files = engineFiles(entry);
          return Promise.all([files.entry, files.meta, files.wasm].map((url) => fetch(url, low)));
        })
        .catch(() => undefined);
    },
    { once: true },
  );
}
