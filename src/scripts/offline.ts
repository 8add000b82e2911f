// Offline page: lists the pages the service worker saved (lessons first), read from the cache.
// The page passes the cache prefix and the lessons' path in data attributes: importing them
// here would split a shared chunk out of the registration module (one more request).

const list = document.querySelector<HTMLUListElement>('#offline-list');
const none = document.querySelector<HTMLElement>('#offline-none');
const prefix = list?.dataset['cachePrefix'] ?? '';
const lessonsPath = list?.dataset['lessons'] ?? '';

async function savedPages(): Promise<Array<{ url: string; title: string }>> {
  const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
  const pages: Array<{ url: string; title: string }> = [];
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of [...(await cache.keys())].reverse()) {
      const html = (await (await cache.match(request))?.text()) ?? '';
      const title = new DOMParser().parseFromString(html, 'text/html').querySelector('h1')?.textContent?.trim();
      if (title) pages.push({ url: new URL(request.url).pathname, title });
    }
  }
  // Lessons first (newest first within each group), then everything else.
  const lesson = (url: string) => (url.startsWith(lessonsPath) ? 0 : 1);
  return pages.sort((a, b) => lesson(a.url) - lesson(b.url));
}

if (list && none && prefix && 'caches' in window) {
  savedPages()
    .then((pages) => {
      for (const { url, title } of pages) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = url;
        link.textContent = title;
        item.append(link);
        list.append(item);
      }
      none.hidden = pages.length > 0;
    })
    .catch(() => undefined);
}
