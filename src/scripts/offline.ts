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

// Campaigns and topics saved with "Lưu để đọc khi mất sóng" (issue 27): one cache each, the
// campaign or topic page first, then its lessons (and their leaflet pictures, if the reader chose
// them). Each is listed with what it holds (lessons, pictures, bytes) and a button that removes it.
const savedList = document.querySelector<HTMLUListElement>('#saved-list');
const savedPrefix = savedList?.dataset['savedPrefix'] ?? '';

/** "52 KB" (src/lib/print/file-sizes.ts says sizes the same way). */
const kb = (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1024))} KB`;

interface Saved {
  name: string;
  url: string;
  title: string;
  lessons: number;
  pictures: number;
  bytes: number;
}

async function savedCollections(): Promise<Saved[]> {
  const found = [];
  for (const name of (await caches.keys()).filter((key) => key.startsWith(savedPrefix))) {
    const cache = await caches.open(name);
    const requests = [...(await cache.keys())];
    const saved: Saved = { name, url: '', title: '', lessons: 0, pictures: 0, bytes: 0 };
    for (const [index, request] of requests.entries()) {
      const path = new URL(request.url).pathname;
      // Bytes as stored: a picture read as text would count its bytes wrongly.
      const body = (await (await cache.match(request))?.arrayBuffer()) ?? new ArrayBuffer(0);
      saved.bytes += body.byteLength;
      if (index === 0) {
        saved.url = path;
        saved.title = new DOMParser().parseFromString(new TextDecoder().decode(body), 'text/html').querySelector('h1')?.textContent?.trim() ?? '';
      } else if (path.endsWith('/')) saved.lessons += 1;
      else saved.pictures += 1;
    }
    if (saved.url) found.push(saved);
  }
  return found;
}

if (savedList && savedPrefix && 'caches' in window) {
  savedCollections()
    .then((collections) => {
      for (const saved of collections) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = saved.url;
        link.textContent = saved.title;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'button';
        remove.textContent = savedList.dataset['remove'] ?? '';
        remove.addEventListener('click', () => {
          void caches.delete(saved.name).then(() => {
            item.textContent = savedList.dataset['removed'] ?? '';
          });
        });
        item.append(link, ` · ${saved.lessons} bài${saved.pictures ? `, ${saved.pictures} ảnh tờ rơi` : ''}, ${kb(saved.bytes)} `, remove);
        savedList.append(item);
      }
      const section = document.querySelector<HTMLElement>('#saved-campaigns');
      if (section) section.hidden = collections.length === 0;
    })
    .catch(() => undefined);
}
