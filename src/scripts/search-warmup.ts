// The header's search box on every page. When it gets focus (never on page load: a reader who
// does not search fetches nothing of the search), prefetch Pagefind's engine while the query
// is typed: the module and the wasm at once (fixed names), then the entry and metadata the
// entry names. <link rel="prefetch"> keeps going when the form is sent and the page navigates
// (a fetch() would be cancelled); /tim-kiem/?q=… then finds the engine in the cache. The form
// itself stays a plain GET, with or without JavaScript.
import { engineFiles, FIXED_ENGINE_FILES, type PagefindEntry } from '../lib/search/engine.ts';

export function warmSearchOnFocus(box: HTMLInputElement | null): void {
  const prefetch = (href: string) => document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href, crossOrigin: 'anonymous' }));
  box?.addEventListener(
    'focus',
    () => {
      for (const href of FIXED_ENGINE_FILES) prefetch(href);
      void fetch('/pagefind/pagefind-entry.json')
        .then((response) => response.json() as Promise<PagefindEntry>)
        .then((entry) => {
          const files = engineFiles(entry);
          for (const href of [files.entry, files.meta]) prefetch(href);
        })
        .catch(() => undefined);
    },
    { once: true },
  );
}
