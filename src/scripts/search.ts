// Search page: starts Pagefind's engine as soon as the page has loaded (the build preloads its
// files, docs/search.md), fetches the index chunks of each word while it is typed, and shows
// the first page of results re-ranked so the title with the words in the order typed comes
// first (src/lib/search/rank.ts). Without JavaScript the page still offers the topic index and the A–Z list.
import { matchesOnlyByFolding, rerank } from '../lib/search/rank.ts';
import { normaliseQuery } from '../lib/search/fold.ts';

interface ResultData {
  url: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(query: string, options?: { filters: Record<string, { any: string[] }> }): Promise<void>;
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
/** Results held back until the others are shown, and the query they were held for. */
let held: ResultData[] = [];
let typed = '';
let run = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function load(): Promise<Pagefind> {
  // The worker would add a request and ~12 KB for an index this small (docs/search.md).
  // metaCacheTag: the same entry URL the build preloads (without it Pagefind adds ?ts=<now>).
  engine ??= import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`).then(async (pagefind: Pagefind) => {
    // ranking.metaWeights: Pagefind boosts a page whose title (5, its default) or residents' own
    // words for the task (the terms meta, 3) hold the query's words (docs/search.md, issue 25).
    await pagefind.options({ noWorker: true, ranking: { metaWeights: { title: 5, terms: 3 } }, ...(ui?.dataset['engineTag'] ? { metaCacheTag: ui.dataset['engineTag'] } : {}) });
    await pagefind.init();
    return pagefind;
  });
  // A failed start (offline, a lost connection) is tried again at the next search.
  engine.catch(() => (engine = undefined));
  return engine;
}

function filters(): Record<string, { any: string[] }> {
  const chosen: Record<string, { any: string[] }> = {};
  for (const name of ['type', 'topic', 'language']) {
    const values = checked(name);
    if (values.length) chosen[name] = { any: values };
  }
  return chosen;
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

async function showMore(current: number, first = false): Promise<void> {
  const batch = pending.splice(0, PAGE_SIZE);
  const results = await Promise.all(batch.map((result) => result.data()));
  if (current !== run || !list || !more) return;
  // The first page only: its fragments are fetched anyway, so re-ranking costs no request.
  const ordered = first ? rerank(typed, results, (data) => ({ title: data.meta['title'], summary: data.meta['summary'], terms: data.meta['terms'] })) : results;
  // A title that holds a word typed with marks only with other marks (Tiên Yên for "tiền
  // điện") waits until every other result has been shown (issue 25).
  const shown = ordered.filter((data) => !matchesOnlyByFolding(typed, data.meta['title'] ?? ''));
  held.push(...ordered.filter((data) => !shown.includes(data)));
  if (pending.length === 0) shown.push(...held.splice(0));
  list.append(...shown.map(renderResult));
  more.hidden = pending.length === 0;
  if (shown.length === 0 && pending.length > 0) await showMore(current);
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
    const found = await pagefind.search(normalised, { filters: filters() });
    if (current !== run) return;
    pending = [...found.results];
    held = [];
    typed = normalised;
    list.replaceChildren();
    await showMore(current, true);
    // Announced once the first results are on screen.
    if (current === run) status.textContent = found.results.length ? message('count', { n: found.results.length, q: query.trim() }) : message('none', { q: query.trim() });
  } catch {
    if (current === run) status.textContent = message('error');
  }
}

/**
 * The URL follows the query, and the back button returns to the previous search: the first pause
 * in typing adds one history entry (marked as still being typed), later pauses replace it, and
 * Enter settles it. Replacing on a pause alone would overwrite the previous search's entry.
 */
function setUrl(query: string, settled: boolean): void {
  const url = new URL(location.href);
  if (query.trim()) url.searchParams.set('q', query.trim());
  else url.searchParams.delete('q');
  if (url.href === location.href && !history.state?.typing) return;
  const typing = history.state?.typing === true;
  history[typing ? 'replaceState' : 'pushState'](settled ? null : { typing: true }, '', url);
}

if (form && input && ui) {
  ui.hidden = false;
  input.addEventListener('input', () => {
    // While the reader types, fetch the index chunks of what is typed so far: the search that
    // follows the pause then finds them loaded (one round trip less after the last key).
    const typed = normaliseQuery(input.value);
    if (typed)
      void load()
        .then((pagefind) => pagefind.preload(typed, { filters: filters() }))
        .catch(() => undefined);
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
  // Start the engine now, before the first keystroke: its files were preloaded with the page.
  else void load().catch(() => undefined);
}
