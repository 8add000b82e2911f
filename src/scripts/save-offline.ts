// "Lưu để đọc khi mất sóng" (issue 27; src/components/share/SaveOffline.astro): on the tap, asks
// the browser to keep this site's storage (navigator.storage.persist, where it exists), then
// fetches the campaign or topic page and its lessons (and their leaflet pictures, when the
// reader ticked the box) into a cache of their own, which the service worker (src/scripts/sw.js)
// answers from when the network fails. Only this site's own paths (sitePath).
import { sitePath } from './sw-paths.js';

const box = document.querySelector<HTMLElement>('[data-save-pages]');
const button = box?.querySelector('button');
const status = box?.querySelector('[role="status"]');
const pictures = box?.querySelector<HTMLInputElement>('input[type="checkbox"]');

async function save(name: string, pages: string[]): Promise<boolean> {
  await navigator.storage?.persist?.().catch(() => false);
  const cache = await caches.open(name);
  let stored = 0;
  for (const page of pages) {
    const response = await fetch(page, { cache: 'no-cache' }).catch(() => undefined);
    if (response?.ok) {
      await cache.put(page, response);
      stored += 1;
    }
  }
  return stored === pages.length;
}

if (box && button && status && 'caches' in window) {
  const { saveCache: name = '', savePages = '', savePictures = '', saving = '', saved = '', failed = '' } = box.dataset;
  const own = (list: string) =>
    list
      .split(' ')
      .map((page) => sitePath(page, location.origin))
      .filter((page): page is string => !!page);
  box.hidden = false;
  // The size shown is what a tap stores: with the pictures once the box is ticked.
  const sizes = box.querySelectorAll<HTMLElement>('[data-size]');
  pictures?.addEventListener('change', () => {
    for (const size of sizes) size.hidden = (size.dataset['size'] === 'all') !== pictures.checked;
  });
  void caches.has(name).then((has) => {
    if (has) status.textContent = saved;
  });
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = saving;
    save(name, own(pictures?.checked ? `${savePages} ${savePictures}` : savePages))
      .then((ok) => (status.textContent = ok ? saved : failed))
      .catch(() => (status.textContent = failed))
      .finally(() => (button.disabled = false));
  });
}
