// Search page: loads Pagefind's JS API on the first keystroke (or a ?q= in the URL), never before.
// Without JavaScript the page still offers the topic index and the A–Z list.
import { normaliseQuery } from '../lib/search-text.ts';

interface ResultData {
  url: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string, options: { filters: Record<string, { any: string[] }> }): Promise<{ results: Array<{ data(): Promise<ResultData> }> }>;
}

const PAGE_SIZE = 5;
const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-input');
const ui = document.querySelector<HTMLElement>('#search-ui');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');

let engine: Promise<Pagefind> | undefined;
let pending: Array<{ data(): Promise<ResultData> }> = [];
let run = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function load(): Promise<Pagefind> {
  // The worker would add a request and ~12 KB for an index this small (docs/search.md).
  engine ??= import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`).then(async (pagefind: Pagefind) => {
    await pagefind.options({ noWorker: true });
    return pagefind;
  });
  return engine;
}

function message(key: string, values: Record<string, string | number> = {}): string {
  const text = ui?.dataset[key] ?? '';
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

function checked(name: string): string[] {
  return [...document.querySelectorAll<HTMLInputElement>(`#search-ui input[name="${name}"]:checked`)].map((box) => box.value);
}

function renderResult(data: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  const where = [data.meta['type'], data.meta['place']].filter(Boolean).join(' · ');
  item.innerHTML = '<article class="card"><p class="meta"></p><h2><a></a></h2><p></p></article>';
  const [meta, summary] = item.querySelectorAll('p');
  const link = item.querySelector('a')!;
  meta!.textContent = where;
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  summary!.textContent = data.meta['summary'] ?? '';
  return item;
}

async function showMore(current: number): Promise<void> {
  const batch = pending.splice(0, PAGE_SIZE);
  const results = await Promise.all(batch.map((result) => result.data()));
  if (current !== run || !list || !more) return;
  list.append(...results.map(renderResult));
  more.hidden = pending.length === 0;
}

async function search(query: string): Promise<void> {
  const current = ++run;
  const normalised = normaliseQuery(query);
  if (!list || !status || !more) return;
  if (!normalised) {
    list.replaceChildren();
    status.textContent = '';
    more.hidden = true;
    return;
  }
  status.textContent = message('loading');
  try {
    const pagefind = await load();
    const filters: Record<string, { any: string[] }> = {};
    for (const name of ['type', 'topic']) {
      const values = checked(name);
      if (values.length) filters[name] = { any: values };
    }
    const found = await pagefind.search(normalised, { filters });
    if (current !== run) return;
    pending = [...found.results];
    list.replaceChildren();
    await showMore(current);
    // Announced once the first results are on screen.
    if (current === run) status.textContent = found.results.length ? message('count', { n: found.results.length, q: query.trim() }) : message('none', { q: query.trim() });
  } catch {
    if (current === run) status.textContent = message('error');
  }
}

function setUrl(query: string, push: boolean): void {
  const url = new URL(location.href);
  if (query.trim()) url.searchParams.set('q', query.trim());
  else url.searchParams.delete('q');
  history[push ? 'pushState' : 'replaceState'](null, '', url);
}

if (form && input && ui) {
  ui.hidden = false;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      setUrl(input.value, false);
      void search(input.value);
    }, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    setUrl(input.value, true);
    void search(input.value);
  });
  ui.addEventListener('change', () => void search(input.value));
  more?.addEventListener('click', () => void showMore(run));
  const fromUrl = (): void => {
    input.value = new URLSearchParams(location.search).get('q') ?? '';
    void search(input.value);
  };
  addEventListener('popstate', fromUrl);
  if (new URLSearchParams(location.search).has('q')) fromUrl();
}
